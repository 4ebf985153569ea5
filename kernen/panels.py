"""What the kernen app shows on other pages."""

from home.queries import public
from kernen.models import InspirationPage, KernPage


def kernen_of_municipality(home, request):
    """The municipality's kernen, alphabetically, and the markers of those with a place for the
    map above the list: one query for both (tests/test_pages.py pins it)."""
    kernen = list(public(KernPage.objects.live().child_of(home)).order_by("title"))
    points = [
        {
            "title": kern.title,
            "url": kern.get_url(request),
            "lat": float(kern.latitude),
            "lng": float(kern.longitude),
            "location": kern.get_rollout_status_display(),
        }
        for kern in kernen
        if kern.latitude is not None and kern.longitude is not None
    ]
    return {"kernen": kernen, "map_points": points}


def latest_story(kern, request):
    """The kern's newest inspiration story, in one query; hidden when there is none."""
    story = (
        public(InspirationPage.objects.live().descendant_of(kern)).order_by("-date", "-pk").first()
    )
    if story is None:
        return None
    url = story.get_url(request)
    # The kern's inspiration section is the story's parent: its URL without the story's slug.
    index_url = url[: -len(story.slug) - 1] if url else None
    return {"story": story, "url": url, "index_url": index_url, "kern": kern}
