"""The group chat of a workspace: short messages next to the slower threads, with a marker
per member of what they have read, and the day of their last chat digest."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.workspace import Workspace

#: The longest chat message, in characters.
CHAT_MAX_LENGTH = 1000


class ChatMessage(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="chat_messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.CharField(_("message"), max_length=CHAT_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["pk"]
        # The poll asks "after id N in this workspace": one index answers it.
        indexes = [models.Index(fields=["workspace", "id"], name="chat_workspace_id")]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")

    def __str__(self):
        return f"{self.author}: {self.text[:40]}"


class ChatReadMarker(models.Model):
    """How far a member has read a workspace's chat (the highest id they saw), and how far a
    digest has told them about (so a digest never repeats a message)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    last_read_id = models.PositiveBigIntegerField(default=0)
    digested_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "workspace"], name="one_chat_marker")
        ]

    def __str__(self):
        return f"{self.user} – {self.workspace}: {self.last_read_id}"


class ChatDigestDay(models.Model):
    """The day a member last got a chat digest: at most one a day."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField()

    def __str__(self):
        return f"{self.user}: {self.sent_on}"
