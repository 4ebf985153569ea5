"""The place of one work notice or activity on a small map (templates/components/map.html),
with a link to the place on OpenStreetMap for when the map does not load."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def openstreetmap_url(latitude, longitude, zoom=17) -> str:
    query = urlencode({"mlat": f"{latitude:.6f}", "mlon": f"{longitude:.6f}"})
    return f"https://www.openstreetmap.org/?{query}#map={zoom}/{latitude:.6f}/{longitude:.6f}"


@register.inclusion_tag("components/map.html")
def location_map(latitude, longitude, title, location):
    """A map with one marker at (``latitude``, ``longitude``); nothing without both."""
    if latitude is None or longitude is None:
        return {"points": None}
    latitude, longitude = float(latitude), float(longitude)
    return {
        "map_id": "location-map",
        "heading": _("On the map"),
        "points": [{"title": title, "lat": latitude, "lng": longitude, "location": location}],
        "small": True,
        "link": openstreetmap_url(latitude, longitude),
    }
