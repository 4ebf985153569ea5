"""Queries of the kernen that the overviews of every kern's items share (``/activiteiten/``,
``/bedrijven/``, ``/kernagendas/``)."""

from wagtail.models import Page

from home.queries import public
from kernen.models import KernPage


def kernen_beside(page) -> list[KernPage]:
    """The live, public kernen of the municipality ``page`` sits directly under, by title:
    one query, with the fields a filter and a listing need."""
    home_path = page.path[: -page.steplen]
    kernen = KernPage.objects.live().filter(path__startswith=home_path, depth=page.depth)
    return list(public(kernen).order_by("title").only("title", "slug", "path", "depth", "url_path"))


def attach_kernen(items, kernen: list[KernPage]) -> None:
    """Set ``item.kern`` on every page of ``items`` to the kern of ``kernen`` it lies under
    (None when it lies under none of them), without a query."""
    if not kernen:
        for item in items:
            item.kern = None
        return
    kern_path_length = kernen[0].depth * Page.steplen
    kern_by_path = {kern.path: kern for kern in kernen}
    for item in items:
        item.kern = kern_by_path.get(item.path[:kern_path_length])
