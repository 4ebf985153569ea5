"""Django's minimum length validator with messages our catalogue translates (Django's own
Dutch catalogue lacks the current wording of these two), and the form fields of a new
account: a name and a password twice, checked against the password rules."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(count)d character.",
            "This password is too short: use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Use at least %(count)d character.",
            "Use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}


class NewAccountForm(forms.Form):
    """A new account's name and password, typed twice and checked against the portal's
    password rules (``AUTH_PASSWORD_VALIDATORS``) for the account it will be: its e-mail
    address, from ``account_email()``, is also its user name."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def account_email(self) -> str:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password and password != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        elif password:
            email = self.account_email()
            user = get_user_model()(
                username=email, email=email, first_name=cleaned.get("first_name", "")
            )
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
