"""The prefix fallback behind the exact redirects of a move: every URL under a moved kern's
old address (``/heukelum/…``, ``/en/heukelum/…``) that no exact redirect names — a version,
a board meeting, a cancel link with its token, a listing with a query string — answers 301
to the same rest of the path under the kern's new address, on the new site.

A move records its prefixes (``MovedPath``) in its own transaction; ``new_location`` is a
``redirect_fallbacks`` hook (``home/redirects.py``): the portal's redirect middleware asks it
only for a GET or HEAD that would end in a 404, after the exact redirects had their turn: one
query more, none on any other response.
"""

from wagtail.models import Page, Site

from kernen.herindeling.urls import language_trees
from kernen.models import MovedPath

#: Deeper paths than this are not looked up (the query stays small).
MAX_DEPTH = 12


def prefixes(top: Page, home: Page) -> dict[int, str]:
    """The address of ``top`` in every language tree of ``home``, by locale:
    ``{nl: "/heukelum/", en: "/en/heukelum/"}``."""
    found = {}
    for tree_home, prefix in language_trees(home):
        copy = top.get_translation_or_none(tree_home.locale)
        if copy is not None and copy.path.startswith(tree_home.path):
            found[tree_home.locale_id] = f"{prefix}/{copy.url_path[len(tree_home.url_path) :]}"
    return found


def record(old_site: Site, old: dict[int, str], new_site: Site, new: dict[int, str]) -> None:
    """``old`` (by locale) on ``old_site`` now lives at ``new`` on ``new_site``. What sent
    visitors to the old place sends them to the new one; the new place is a page again, so
    nothing falls back from it any more (a kern moved back)."""
    for locale, old_prefix in old.items():
        new_prefix = new.get(locale)
        if new_prefix is None:
            continue
        MovedPath.objects.filter(new_site=old_site, new_prefix=old_prefix).update(
            new_site=new_site, new_prefix=new_prefix
        )
        MovedPath.objects.filter(site=new_site, old_prefix=new_prefix).delete()
        MovedPath.objects.update_or_create(
            site=old_site,
            old_prefix=old_prefix,
            defaults={"new_site": new_site, "new_prefix": new_prefix},
        )


def candidates(path: str) -> list[str]:
    """Every prefix of ``path`` that ends in a slash, longest first."""
    parts = path.split("/")[1:-1][:MAX_DEPTH]
    return ["/" + "".join(f"{part}/" for part in parts[:end]) for end in range(len(parts), -1, -1)]


def new_location(request) -> str | None:
    """Where the request's path went, with the rest of the path and the query string; None
    when nothing under it moved."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    path = request.path
    found = list(
        MovedPath.objects.filter(site=site, old_prefix__in=candidates(path)).select_related(
            "new_site"
        )
    )
    if not found:
        return None
    moved = max(found, key=lambda each: len(each.old_prefix))
    location = moved.new_site.root_url + moved.new_prefix + path[len(moved.old_prefix) :]
    query = request.META.get("QUERY_STRING", "")
    return f"{location}?{query}" if query else location
