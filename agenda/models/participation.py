from django.db import models
from django.utils.translation import gettext_lazy as _

from agenda.constants import InterestKind


class Participation(models.Model):
    """Someone who answered the call of an action point (``action_point``, declared by each
    kind with its own related name): a name and an e-mail address, which are personal data."""

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} – {self.action_point.title}"


class SignUp(Participation):
    """A resident who wants to help with an action point ("doe mee"). Personal data: only the
    kern's redactie and admins see it, never the public site or the open data."""

    action_point = models.ForeignKey(
        "agenda.ActionPointPage",
        verbose_name=_("action point"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    kern = models.ForeignKey(
        "kernen.KernPage",
        verbose_name=_("kern"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the resident lives."),
    )
    contribution = models.TextField(_("what I can do"))
    consent = models.BooleanField(_("may be contacted"), default=False)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    class Meta(Participation.Meta):
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")


class Interest(Participation):
    """ "Ik doe mee" with a joint purchase: a resident, or a kern through its association."""

    action_point = models.ForeignKey(
        "agenda.ActionPointPage",
        verbose_name=_("action point"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    kind = models.CharField(_("who"), max_length=10, choices=InterestKind.choices)
    kern = models.ForeignKey(
        "kernen.KernPage",
        verbose_name=_("kern"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta(Participation.Meta):
        verbose_name = _("interest in a joint purchase")
        verbose_name_plural = _("interest in joint purchases")
