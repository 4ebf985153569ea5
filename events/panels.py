"""What the events app shows on other pages."""

from events.queries import upcoming_for_kern

#: The slug the kern section gets from provisioning (apps.py).
SECTION_SLUG = "activiteiten"


def upcoming_on_kern_page(kern, request):
    """The next three activities of the kern: one SQL query."""
    kern_url = kern.get_url(request)
    return {
        "kern": kern,
        "events": list(upcoming_for_kern(kern, limit=3)),
        "index_url": f"{kern_url}{SECTION_SLUG}/",
        "feed_url": f"{kern_url}agenda.ics",
    }
