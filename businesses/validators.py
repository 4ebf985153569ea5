"""The checks of a business's entry, the same in the public form and in the admin: plain text
only, a website on http(s), and a place inside the municipality."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

#: A tag, a comment or an entity is HTML; a lone "<" in "< 5 km" is not.
HTML = re.compile(r"<\s*[a-zA-Z!/?]|&[a-zA-Z]+;|&#")

validate_website = URLValidator(
    schemes=["http", "https"],
    message=_("Fill in a website address that starts with http:// or https://."),
)


def validate_plain_text(value: str) -> None:
    if value and HTML.search(value):
        raise ValidationError(_("Do not use HTML in this field: write plain text."), code="html")


def outside_bounds(latitude, longitude, bounds) -> bool:
    """Whether the point lies outside ``bounds`` ((south, west, north, east), or None when
    no kern of the municipality has a place on the map: then nothing can be checked)."""
    if bounds is None:
        return False
    south, west, north, east = bounds
    return not (south <= float(latitude) <= north and west <= float(longitude) <= east)


def place_errors(latitude, longitude, bounds) -> dict:
    """Errors of a place given as latitude and longitude: both or neither, and inside the
    municipality."""
    if latitude is None and longitude is None:
        return {}
    if latitude is None or longitude is None:
        field = "latitude" if latitude is None else "longitude"
        return {field: _("Fill in both the latitude and the longitude, or neither.")}
    if outside_bounds(latitude, longitude, bounds):
        return {
            "latitude": _(
                "This place lies outside the municipality. Check the latitude and longitude "
                "(for example 51.888 and 5.192)."
            )
        }
    return {}
