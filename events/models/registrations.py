from django.db import models
from django.utils.translation import gettext_lazy as _

from events.constants import RegistrationStatus


class Registration(models.Model):
    """A resident's registration for an activity: no account, just a name and an e-mail."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} – {self.event.title}"

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED
