"""The public forms: a business registers itself, changes its entry, asks for a link; and the
filters of ``/bedrijven/``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from businesses.constants import LOGO_EXTENSIONS, LOGO_MAX_SIZE, Kind
from businesses.validators import place_errors, validate_plain_text, validate_website
from kernen.forms import KernFilterForm
from security.honeypot import HoneypotForm
from security.uploads import check_upload

COORDINATE = {
    "max_digits": 9,
    "decimal_places": 6,
    "required": False,
    "error_messages": {"invalid": _("Fill in a number, such as 51.888.")},
}


class BusinessForm(HoneypotForm):
    """What a business tells about itself. ``bounds``: the municipality's box on the map."""

    name = forms.CharField(
        label=_("Name of the business"),
        max_length=120,
        validators=[validate_plain_text],
        error_messages={"required": _("Fill in the name of the business.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of business"),
        choices=Kind.choices,
        error_messages={"invalid_choice": _("Choose a kind from the list.")},
    )
    summary = forms.CharField(
        label=_("Short text"),
        max_length=500,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the business does, in one to three sentences."),
        error_messages={"required": _("Write a short text about the business.")},
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=200,
        required=False,
        validators=[validate_plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    latitude = forms.DecimalField(label=_("Latitude"), **COORDINATE)
    longitude = forms.DecimalField(label=_("Longitude"), **COORDINATE)
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        max_length=500,
        required=False,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Not "website": that is the honeypot's name (security.honeypot).
    url = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        validators=[validate_website],
        error_messages={
            "invalid": _("Fill in a website address that starts with http:// or https://.")
        },
    )
    logo = forms.FileField(
        label=_("Logo (optional)"),
        required=False,
        help_text=_("A PNG, JPEG or WebP image of at most 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Not shown. We send the link to confirm and later links to make changes."),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in a valid e-mail address, such as naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, bounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bounds = bounds

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo:
            check_upload(logo, extensions=LOGO_EXTENSIONS, max_size=LOGO_MAX_SIZE)
        return logo

    def clean(self):
        cleaned_data = super().clean()
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        for field, message in place_errors(latitude, longitude, self.bounds).items():
            self.add_error(field, message)
        if (
            not cleaned_data.get("address", "").strip()
            and (latitude is None or longitude is None)
            and not self.has_error("latitude")
            and not self.has_error("longitude")
        ):
            self.add_error(
                "address", _("Fill in an address, or a place on the map (latitude and longitude).")
            )
        return cleaned_data


class ManageForm(BusinessForm):
    """Changing an entry through the e-mailed link: the same fields, without the address to
    which the link went."""

    email = None


class LinkRequestForm(HoneypotForm):
    email = forms.EmailField(
        label=_("The e-mail address of the business"),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in a valid e-mail address, such as naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class OverviewFilterForm(KernFilterForm):
    soort = forms.ChoiceField(
        label=_("Kind of business"),
        required=False,
        choices=[("", _("all kinds")), *Kind.choices],
        error_messages={"invalid_choice": _("Choose a kind from the list.")},
    )
