"""What the businesses app shows on the kern page."""

from businesses.constants import KERN_PANEL_BUSINESSES, KERN_PANEL_MAP_BUSINESSES
from businesses.queries import for_kern, map_points

#: The slug the kern section gets from provisioning (wagtail_hooks.py).
SECTION_SLUG = "bedrijven"


def businesses_on_kern_page(kern, request):
    """The kern's first businesses by name, as a short list and as points on a map: one SQL
    query, and the same bytes for a kern of 5 businesses and one of 500 (the kern's section,
    ``index_url``, lists them all)."""
    businesses = list(for_kern(kern)[: KERN_PANEL_MAP_BUSINESSES + 1])
    on_map = businesses[:KERN_PANEL_MAP_BUSINESSES]
    listed = businesses[:KERN_PANEL_BUSINESSES]
    return {
        "kern": kern,
        "businesses": listed,
        "map_points": map_points(on_map, request),
        # The whole number when the map holds them all (None: more than the map shows).
        "count": len(businesses) if len(businesses) <= KERN_PANEL_MAP_BUSINESSES else None,
        "more": len(businesses) > len(listed),
        "map_complete": len(businesses) <= KERN_PANEL_MAP_BUSINESSES,
        "index_url": f"{kern.get_url(request)}{SECTION_SLUG}/",
    }
