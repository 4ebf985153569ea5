"""Querysets of businesses that pages and other apps use. Each listing costs one SQL query."""

from django.db.models import Max, Min

from wagtail.models import Page

from businesses.constants import BOUNDS_MARGIN
from home.queries import public
from kernen.models import KernPage


def live_businesses():
    """Published businesses not behind a view restriction, by name."""
    # Imported here: the page models import this module (their routes' data come from it).
    from businesses.models import BusinessPage

    return public(BusinessPage.objects.live()).order_by("title", "pk")


def with_logos(businesses):
    """``businesses`` with their logos and the logos' renditions, in the same query count
    however many have one."""
    return businesses.select_related("logo").prefetch_related("logo__renditions")


def for_kern(kern):
    """The businesses of ``kern`` (a KernPage), by name."""
    return live_businesses().descendant_of(kern)


def municipality_bounds(page):
    """(south, west, north, east) around the kernen of the municipality ``page`` belongs to,
    widened by BOUNDS_MARGIN; None when no kern has a place on the map. One query."""
    home_path = page.path[: Page.steplen * 2]
    found = KernPage.objects.filter(
        path__startswith=home_path, latitude__isnull=False, longitude__isnull=False
    ).aggregate(
        south=Min("latitude"), north=Max("latitude"), west=Min("longitude"), east=Max("longitude")
    )
    if found["south"] is None:
        return None
    return (
        float(found["south"]) - BOUNDS_MARGIN,
        float(found["west"]) - BOUNDS_MARGIN,
        float(found["north"]) + BOUNDS_MARGIN,
        float(found["east"]) + BOUNDS_MARGIN,
    )


def map_points(businesses, request) -> list[dict]:
    """What the map (components/map.html) draws of ``businesses``: those with a place."""
    return [
        {
            "title": business.title,
            "lat": float(business.latitude),
            "lng": float(business.longitude),
            "location": business.address or business.get_kind_display(),
            "url": business.get_url(request),
        }
        for business in businesses
        if business.latitude is not None and business.longitude is not None
    ]
