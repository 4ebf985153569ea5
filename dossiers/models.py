"""A resident's own dossier: items (documents, photos, notes), shares and the access log.

Nothing here is public. Who may read what is decided in ``dossiers/access.py`` only: the owner,
and the targets of a share that is neither revoked nor past its end date. A superuser has no
way in through the public site; the admin sees dossiers only when ``DOSSIER_SUPPORT_ACCESS`` is
on, and every look is logged (docs/dossiers.md).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.constants import AccessAction, ItemKind


def item_upload_to(item, filename: str) -> str:
    """A random name in the private root (``STORAGES["default"]``), which no web server
    serves and ``/media/`` answers with 404 (``security.media``). The resident's file name is
    kept in ``original_name`` for the download only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"dossiers/{secrets.token_hex(16)}.{extension}"


class Dossier(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dossiers"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self):
        return self.title


class DossierItem(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=20000, blank=True)
    file = models.FileField(_("file"), upload_to=item_upload_to, blank=True, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("dossier item")
        verbose_name_plural = _("dossier items")

    def __str__(self):
        return self.title


class ShareQuerySet(models.QuerySet):
    def active(self, now=None):
        """Not revoked and not past the end date (which is the last day it works)."""
        today = timezone.localdate(now)
        return self.filter(revoked_at__isnull=True).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today)
        )


class DossierShare(models.Model):
    """Read-only access to a whole dossier (``item`` empty) or one item, for one target.

    A target is exactly one of ``user``, ``workspace`` (a board, project or the dorpenoverleg
    of the member area: the members of its own member group read, not who is invited into it)
    or ``organisation`` (the municipality, a contractor: the members of its group read).
    ``dossiers.access.target_filter`` turns each into "who reads" (see docs/dossiers.md).
    """

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="shares")
    item = models.ForeignKey(
        DossierItem, null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="dossier_shares_received",
    )
    workspace = models.ForeignKey(
        "members.Workspace",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="dossier_shares",
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="dossier_shares",
    )
    ends_on = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("dossier share")
        verbose_name_plural = _("dossier shares")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(user__isnull=False, workspace__isnull=True, organisation__isnull=True)
                    | Q(user__isnull=True, workspace__isnull=False, organisation__isnull=True)
                    | Q(user__isnull=True, workspace__isnull=True, organisation__isnull=False)
                ),
                name="one_share_target",
            )
        ]

    def __str__(self):
        return f"{self.dossier} → {self.target_name}"

    @property
    def target_name(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.email or self.user.username
        if self.organisation_id:
            return str(self.organisation)
        return str(self.workspace)

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.ends_on is None or self.ends_on >= timezone.localdate()


class DossierAccess(models.Model):
    """One look at a dossier or item by someone other than its owner: the owner's access log."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="accesses")
    item = models.ForeignKey(
        DossierItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    item_title = models.CharField(_("item"), max_length=200, blank=True)
    share = models.ForeignKey(
        DossierShare, null=True, blank=True, on_delete=models.SET_NULL, related_name="accesses"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("what"), max_length=10, choices=AccessAction.choices)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("dossier access")
        verbose_name_plural = _("dossier accesses")

    def __str__(self):
        return f"{self.dossier} {self.action} {self.at:%Y-%m-%d %H:%M}"
