import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection

from members.constants import Role, WorkspaceKind


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Workspace(models.Model):
    """A private space: the board of one kern, a cross-kern project, or the dorpenoverleg.

    Documents, meetings, threads and polls belong to a workspace, whichever page owns it.
    ``access_groups`` decides who may enter; provisioning mirrors it into the page's and the
    collection's Wagtail view restrictions, so the same groups guard every way in.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=WorkspaceKind.choices)
    name = models.CharField(_("name"), max_length=255)
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="workspace"
    )
    member_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="member_workspace"
    )
    broker_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="broker_workspace"
    )
    access_groups = models.ManyToManyField(Group, related_name="workspaces")
    collection = models.OneToOneField(Collection, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self):
        return self.name

    @property
    def kern(self):
        """The kern of a board workspace (its page's parent), else None."""
        if self.kind != WorkspaceKind.BOARD:
            return None
        return self.page.get_parent().specific


class Membership(models.Model):
    """A person in a workspace. Saving or deleting one adds or removes the person from the
    workspace's member group, so removal takes access away at once."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["workspace", "user__first_name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} – {self.workspace}"


class Invitation(models.Model):
    """An invitation by e-mail to join a workspace; the link in it works once and expires."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.workspace}"

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=settings.MEMBERS_INVITATION_VALID_DAYS)

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at


class MemberProfile(models.Model):
    """A member's own choices: e-mail about messages, and the secret of their calendar feeds."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    email_notifications = models.BooleanField(_("e-mail me about new messages"), default=True)
    calendar_token = models.CharField(max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> "MemberProfile":
        profile, _created = cls.objects.get_or_create(user=user)
        return profile


class BrokerGroup(models.Model):
    """The group "Gebiedsmakelaars" of one municipality (its home page)."""

    home = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.group.name
