from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailLink(models.Model):
    """A link we e-mail to an address that has no account: confirming a subscription, opening
    "mijn gegevens". The URL holds only a random token, so no address ends up in a link, a
    browser history or a web server's log; we keep a hash of the token with the address and
    what the link is for until it is used or expires (``privacy/emaillinks.py``)."""

    purpose = models.CharField(_("purpose"), max_length=40)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    email = models.EmailField(_("e-mail address"))
    payload = models.JSONField(_("what was asked for"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("e-mail link")
        verbose_name_plural = _("e-mail links")

    def __str__(self):
        return f"{self.purpose} ({self.expires_at:%Y-%m-%d %H:%M})"
