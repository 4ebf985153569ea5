from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class ProjectKernInvitation(models.Model):
    """A kern's board invited to take part in a project that another kern's board started.

    The invited board accepts or declines in its board area. On accepting, the kern takes part
    in the project and its board members become project members."""

    project = models.ForeignKey(
        "members.ProjectPage", on_delete=models.CASCADE, related_name="kern_invitations"
    )
    kern = models.ForeignKey("kernen.KernPage", on_delete=models.CASCADE, related_name="+")
    invited_by_kern = models.ForeignKey(
        "kernen.KernPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "kern"], name="one_invitation_per_kern")
        ]
        verbose_name = _("project invitation of a kern")
        verbose_name_plural = _("project invitations of kernen")

    def __str__(self):
        return f"{self.kern} → {self.project}"
