"""The public forms that start from a person's e-mail address."""

from django import forms
from django.utils.translation import gettext_lazy as _

from security.honeypot import HoneypotForm


class EmailAddressForm(HoneypotForm):
    """A public form (with the honeypot) that asks for an e-mail address first: "mijn
    gegevens" and the e-mail subscriptions."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("This is not a valid e-mail address. Example: naam@voorbeeld.nl"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
