"""What the kernen app shows on other pages."""

from home.queries import public
from kernen.models import InspirationPage, KernPage


def kernen_of_municipality(home, request):
    kernen = public(KernPage.objects.live().child_of(home)).order_by("title")
    return {"kernen": kernen}


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
