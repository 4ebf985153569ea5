from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core import validators
from django.utils.translation import gettext_lazy as _

from django_otp import match_token


class CodeForm(forms.Form):
    """A six-digit code from the app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6 digits your authenticator app shows now, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Fill in the code.")},
    )

    def __init__(self, *args, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if self.device is not None:
            # Enrolment: only the new app counts, not an older device or a backup code.
            matched = self.device if self.device.verify_token(code) else None
        else:
            matched = match_token(self.user, code)
        if matched is None:
            raise forms.ValidationError(
                _("This code is not right. Check the time on your phone and try again."),
                code="invalid",
            )
        self.device = matched
        return code


class LoginForm(AuthenticationForm):
    """The member login (``/inloggen/``). Django's form gives the user name field its length
    (150) only after making it, so the browser hears of the limit but the form never checks
    it: a name of any length went on to the login backends and django-axes. This one refuses
    it with Django's own (Dutch) message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(validators.MaxLengthValidator(field.max_length))
        field.label = _("User name or e-mail address")
        field.widget.attrs.update(autocapitalize="none", autofocus=False)
        self.fields["password"].label = _("Password")
