"""Forms of the public site of the kernen app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class InspirationFilterForm(forms.Form):
    """Filters of the inspiration overview: a theme and a kern, both optional (GET)."""

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    kern = forms.ChoiceField(label=_("Kern"), required=False)

    error_messages = {"invalid_choice": _("Choose one of the options in the list.")}

    def __init__(self, data=None, *, kernen, themes):
        super().__init__(data)
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["kern"].choices = [("", _("All kernen"))] + [
            (kern.slug, kern.title) for kern in kernen
        ]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = self.error_messages["invalid_choice"]

    def filters(self) -> dict:
        """The filters that are valid and chosen; invalid ones are left out (and shown as
        errors)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class KernFilterForm(forms.Form):
    """The kern filter of an overview of every kern's items (GET); an overview adds its own
    filters. ``valid_value`` reads one filter, "" when it is empty or invalid."""

    kern = forms.ChoiceField(
        label=_("Kern"),
        required=False,
        error_messages={"invalid_choice": _("We do not know this kern. Choose one from the list.")},
    )

    def __init__(self, *args, kernen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].choices = [
            ("", _("all kernen")),
            *((kern.slug, kern.title) for kern in kernen),
        ]

    def valid_value(self, name: str) -> str:
        """The cleaned value of one filter, or "" when that filter is invalid."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""
