from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from agenda.constants import InterestKind, Status
from agenda.models.participation import Interest, SignUp
from kernen.models import KernPage
from security.honeypot import HoneypotForm


def slug_choices(items, empty_label):
    return [("", empty_label), *((item.slug, str(item)) for item in items)]


class KernagendaFilterForm(forms.Form):
    """Filters on the query string; the choices come from lists the view loaded already."""

    thema = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        error_messages={"invalid_choice": _("This theme does not exist.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Status.choices],
        error_messages={"invalid_choice": _("This status does not exist.")},
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = slug_choices(themes, _("All themes"))


class OverviewFilterForm(KernagendaFilterForm):
    kern = forms.ChoiceField(
        label=_("Kern"),
        required=False,
        error_messages={"invalid_choice": _("This kern does not exist.")},
    )
    samen = forms.BooleanField(label=_("Only joint action points"), required=False)

    field_order = ["kern", "thema", "status", "samen"]

    def __init__(self, *args, kernen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].choices = [
            ("", _("All kernen")),
            *((kern.slug, kern.title) for kern in kernen),
        ]


class CachedChoiceIterator(ModelChoiceIterator):
    """Choices from the queryset's result cache: two forms on one page share one query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class KernChoiceField(forms.ModelChoiceField):
    iterator = CachedChoiceIterator

    def _set_queryset(self, queryset):
        # Keep the very queryset (not a copy) so its results are loaded once per request.
        self._queryset = queryset
        self.widget.choices = self.choices

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def label_from_instance(self, obj):
        return obj.title


class SignUpForm(HoneypotForm, forms.ModelForm):
    kern = KernChoiceField(
        label=_("Kern where you live"),
        queryset=KernPage.objects.none(),
        empty_label=_("Choose your kern"),
        error_messages={"required": _("Choose the kern where you live.")},
    )
    consent = forms.BooleanField(
        label=_("The carrier of this action point may contact me by e-mail."),
        error_messages={"required": _("We need your consent to pass on your details.")},
    )

    class Meta:
        model = SignUp
        fields = ["name", "email", "kern", "contribution", "consent"]
        labels = {"name": _("Your name"), "email": _("Your e-mail address")}
        error_messages = {
            "name": {"required": _("Fill in your name.")},
            "email": {
                "required": _("Fill in your e-mail address."),
                "invalid": _("Fill in a valid e-mail address, like naam@voorbeeld.nl."),
            },
            "contribution": {"required": _("Tell us what you can do.")},
        }

    def __init__(self, *args, kernen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = kernen
        self.fields["contribution"].widget.attrs["rows"] = 4


class InterestForm(HoneypotForm, forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("I take part as"),
        choices=InterestKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you take part as a resident or a kern.")},
    )
    kern = KernChoiceField(
        label=_("Kern"),
        queryset=KernPage.objects.none(),
        required=False,
        empty_label=_("Choose a kern"),
    )

    class Meta:
        model = Interest
        fields = ["kind", "name", "email", "kern"]
        labels = {"name": _("Your name"), "email": _("Your e-mail address")}
        error_messages = {
            "name": {"required": _("Fill in your name.")},
            "email": {
                "required": _("Fill in your e-mail address."),
                "invalid": _("Fill in a valid e-mail address, like naam@voorbeeld.nl."),
            },
        }

    def __init__(self, *args, kernen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = kernen

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == InterestKind.KERN and not cleaned.get("kern"):
            self.add_error("kern", _("Choose the kern that takes part."))
        return cleaned


class VersionForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the version"),
        max_length=100,
        help_text=_('For example "versie 2 – voorjaar 2026".'),
    )
