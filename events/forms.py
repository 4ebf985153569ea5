from django import forms
from django.utils.translation import gettext_lazy as _

from events.constants import Period
from kernen.forms import KernFilterForm
from security.honeypot import HoneypotForm


class RegistrationForm(HoneypotForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={"required": _("Fill in your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in a valid e-mail address, such as naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class OverviewFilterForm(KernFilterForm):
    periode = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[("", _("everything coming up")), *Period.choices],
        error_messages={
            "invalid_choice": _("Choose a period from the list: this week or this month.")
        },
    )
