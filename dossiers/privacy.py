"""What the dossiers hold about an account holder (AVG): their dossiers with every item, the
shares they made and who looked, and what they looked at in others' dossiers. Deleted with the
account, files included; the access log is kept ``PRIVACY_DOSSIER_ACCESS_LOG_DAYS``. See
docs/privacy.md and docs/dossiers.md."""

from django.urls import reverse

from dossiers.models import Dossier, DossierAccess
from dossiers.services import erase_dossiers
from privacy.registry import DataSource, Retention, iso


def export_item(item) -> dict:
    return {
        "kind": item.kind,
        "title": item.title,
        "text": item.text,
        "file_name": item.original_name,
        "file_size": item.size,
        # The file itself: downloaded from the dossier when logged in.
        "file_url": reverse("dossiers:item_file", args=[item.dossier_id, item.pk])
        if item.file
        else None,
        "added_at": iso(item.created_at),
    }


def export_share(share) -> dict:
    return {
        "with": share.target_name,
        "item": share.item.title if share.item else None,
        "until": share.ends_on.isoformat() if share.ends_on else None,
        "shared_at": iso(share.created_at),
        "stopped_at": iso(share.revoked_at),
    }


def export_access(entry) -> dict:
    return {
        "who": entry.viewer.get_full_name() or entry.viewer.username if entry.viewer else None,
        "what": entry.action,
        "item": entry.item_title,
        "at": iso(entry.at),
    }


def export_dossiers(user) -> dict:
    dossiers = Dossier.objects.filter(owner=user).prefetch_related(
        "items",
        "shares__user",
        "shares__workspace",
        "shares__organisation",
        "shares__item",
        "accesses__viewer",
    )
    return {
        "dossiers": [
            {
                "title": dossier.title,
                "description": dossier.description,
                "created_at": iso(dossier.created_at),
                "items": [export_item(item) for item in dossier.items.all()],
                "shares": [export_share(share) for share in dossier.shares.all()],
                "access_log": [export_access(entry) for entry in dossier.accesses.all()],
            }
            for dossier in dossiers
        ],
        "looked_at": [
            {
                "dossier": entry.dossier.title,
                "what": entry.action,
                "item": entry.item_title,
                "at": iso(entry.at),
            }
            for entry in DossierAccess.objects.filter(viewer=user).select_related("dossier")
        ],
    }


def purge_access_log(before) -> int:
    return DossierAccess.objects.filter(at__lt=before).delete()[0]


def privacy_data() -> list[DataSource]:
    return [DataSource("dossiers", export_dossiers, erase_dossiers)]


def retention_rules() -> list[Retention]:
    return [Retention("dossier_access_log", "PRIVACY_DOSSIER_ACCESS_LOG_DAYS", purge_access_log)]
