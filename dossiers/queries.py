"""Every list the dossier pages show, each in a bounded number of queries."""

from django.db.models import Count

from dossiers import access
from dossiers.models import DossierAccess, DossierShare


def own_dossiers(user):
    return user.dossiers.annotate(item_count=Count("items")).order_by("-created_at")


def shared_with(user):
    """Dossiers of others that ``user`` may read now, with their owner."""
    return access.shared_with(user).order_by("title")


def shares(dossier):
    """Every share of ``dossier``, active or not, with its target and item."""
    return DossierShare.objects.filter(dossier=dossier).select_related(
        "user", "workspace", "organisation", "item"
    )


def log(dossier, limit=500):
    """The latest looks at ``dossier`` by others, with who and through which share."""
    return DossierAccess.objects.filter(dossier=dossier).select_related(
        "viewer", "share__workspace", "share__user", "share__organisation"
    )[:limit]
