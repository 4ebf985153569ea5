"""Organisations with their own accounts (a water board, a housing corporation, the police's
wijkagenten): a public profile, their members (a Django group of their own), and the
workspaces a board invited them into (``OrganisationAccess``).

An invitation adds the organisation's group to the workspace's ``access_groups`` (and so to
the Wagtail view restrictions); ending it, or deleting the organisation, takes it out again
(``members.services``)."""

import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.constants import AccessRole
from members.models.workspace import Workspace
from security.uploads import check_upload

#: A logo is small: at most 1 MB, PNG, JPEG or WebP.
LOGO_MAX_SIZE = 1_000_000
LOGO_EXTENSIONS = ("png", "jpg", "jpeg", "webp")
HTML_TAG = re.compile(r"<\s*[a-zA-Z/!?]|&[#a-zA-Z0-9]+;")


def no_html(value: str) -> None:
    """Organisations' texts are plain text: anything that looks like HTML is refused."""
    if value and HTML_TAG.search(value):
        raise ValidationError(
            _("Do not use HTML here (no tags such as <b> or <a>). Write plain text."),
            code="html",
        )


def validate_logo(value) -> None:
    """A new logo passes the portal's upload check (a real image, not too large)."""
    if value and not getattr(value, "_committed", False):
        check_upload(value, extensions=LOGO_EXTENSIONS, max_size=LOGO_MAX_SIZE)


web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
)


class Organisation(models.Model):
    """An organisation that works with the kernen of one municipality (``home``)."""

    home = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150, validators=[no_html])
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=False)
    description = models.TextField(
        _("what we do"), max_length=2000, blank=True, validators=[no_html]
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[no_html])
    website = models.CharField(_("website"), max_length=300, blank=True, validators=[web_address])
    logo = models.ImageField(
        _("logo"),
        upload_to="organisaties/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG, JPEG or WebP, at most 1 MB."),
    )
    kernen = models.ManyToManyField(
        "kernen.KernPage", blank=True, related_name="+", verbose_name=_("kernen served")
    )
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="organisation", editable=False
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["home", "slug"], name="one_organisation_per_slug")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.group_id is None:
            self.group = Group.objects.create(name=self.group_name())
        super().save(*args, **kwargs)

    def group_name(self) -> str:
        name = f"Organisatie {self.name}"[:140]
        suffix = 2
        candidate = name
        while Group.objects.filter(name=candidate).exists():
            candidate = f"{name} ({suffix})"
            suffix += 1
        return candidate

    def is_member(self, user) -> bool:
        return user.is_authenticated and user.groups.filter(pk=self.group_id).exists()


class OrganisationAccess(models.Model):
    """An organisation invited by a board into a workspace, with what it may do there."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="organisation_accesses"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="accesses"
    )
    role = models.CharField(
        _("may"), max_length=10, choices=AccessRole.choices, default=AccessRole.READ
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "organisation"], name="one_access_per_organisation"
            )
        ]
        verbose_name = _("invited organisation")
        verbose_name_plural = _("invited organisations")

    def __str__(self):
        return f"{self.organisation} → {self.workspace}"
