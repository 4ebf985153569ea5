from django import forms
from django.utils.translation import gettext_lazy as _

from security.honeypot import HoneypotForm
from subscriptions.constants import Kind


class SubscribeForm(HoneypotForm):
    """E-mail address, kernen and kinds. The kernen are given as a list (one query, made by the
    view) so that rendering and checking the form costs no query of its own."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("This is not a valid e-mail address. Example: naam@voorbeeld.nl"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kernen = forms.TypedMultipleChoiceField(
        label=_("Kernen"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one kern."),
            "invalid_choice": _("We do not know the kern you chose. Choose a kern from the list."),
        },
    )
    kinds = forms.MultipleChoiceField(
        label=_("What do you want to receive?"),
        choices=Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one kind of message."),
            "invalid_choice": _("Choose the kinds of message from the list."),
        },
    )

    def __init__(self, *args, kernen, **kwargs):
        super().__init__(*args, **kwargs)
        self.kernen_by_id = {kern.pk: kern for kern in kernen}
        self.fields["kernen"].choices = [(kern.pk, kern.title) for kern in kernen]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def chosen_kernen(self):
        return [self.kernen_by_id[kern_id] for kern_id in self.cleaned_data["kernen"]]
