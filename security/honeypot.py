"""The one honeypot of the portal's public forms: a field that people do not see and bots fill
in. Here, beside the rate limits, so that every app can use it (``privacy`` sits below
``home``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: The name of the field people leave empty and bots fill in.
HONEYPOT_FIELD = "website"


class HoneypotForm(forms.Form):
    """A public form with the honeypot. Filled in, the form is not valid: the view answers
    400 with the message, as for any invalid form, and stores nothing.

    Mixed in first: ``class SignUpForm(HoneypotForm, forms.ModelForm)``. Its markup (the
    field's own template, ``django/forms/honeypot.html``) keeps it out of sight, out of the tab
    order and away from screen readers; it is never in ``cleaned_data``."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        template_name="django/forms/honeypot.html",
    )

    honeypot_message = _("Your message could not be sent. Please try again.")

    @property
    def is_spam(self) -> bool:
        """The honeypot is filled in (known before validation, from the raw data)."""
        return bool(self.is_bound and self.data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data.pop(HONEYPOT_FIELD, None)
        if self.is_spam:
            raise ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data
