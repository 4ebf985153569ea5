"""What the businesses app shows on the kern page."""

from businesses.queries import for_kern, map_points

#: The slug the kern section gets from provisioning (wagtail_hooks.py).
SECTION_SLUG = "bedrijven"


def businesses_on_kern_page(kern, request):
    """The kern's businesses, as a list and as points on a map: one SQL query, for 5 or 500."""
    businesses = list(for_kern(kern))
    return {
        "kern": kern,
        "businesses": businesses,
        "map_points": map_points(businesses, request),
        "index_url": f"{kern.get_url(request)}{SECTION_SLUG}/",
    }
