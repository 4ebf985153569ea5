"""The old URLs of moved pages and the Wagtail redirects (301) that send them to the new place.

Every live page of a moved subtree, in every language tree (``/heukelum/…``, ``/en/heukelum/…``,
``/pl/heukelum/…``), gets a redirect on the old site to the page itself (it follows the page
wherever it goes later), and so does every fixed sub-URL of a routable page (``archief/``,
``rss/``, ``aanmelden/``, ``print/``; routes with an id or token are not enumerable and are left
out). The kern's own feeds and calendars (Django views on the kern's address) get a redirect
to their new address.
"""

from dataclasses import dataclass

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from home.locales import default_locale

#: URLs on a kern's own address that are Django views, not pages: Dutch only (docs/i18n.md).
KERN_FEEDS = ("rss/", "atom/", "agenda.ics", "werkzaamheden.ics")
CHUNK = 500

_routes: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True)
class OldUrl:
    path: str  # normalised path on the old site
    page_id: int
    route: str = ""  # a fixed route of the page, e.g. "/archief/"
    feed: str = ""  # one of KERN_FEEDS: becomes a link to the kern's new address + feed


def fixed_routes(model) -> tuple[str, ...]:
    """The sub-URLs of a routable page type without a parameter, e.g. ("archief/", "rss/")."""
    if model not in _routes:
        found = []
        get_urls = getattr(model, "get_subpage_urls", None)
        for pattern in get_urls() if get_urls else ():
            route = getattr(pattern.pattern, "_route", "")
            if route and not pattern.pattern.converters:
                found.append(route)
        _routes[model] = tuple(found)
    return _routes[model]


def language_trees(home: Page) -> list[tuple[Page, str]]:
    """``home`` in every language tree, with the URL prefix of its language ("", "/en")."""
    source = default_locale()
    trees = []
    for page in Page.objects.filter(translation_key=home.translation_key).select_related("locale"):
        prefix = "" if page.locale_id == source.pk else f"/{page.locale.language_code}"
        trees.append((page, prefix))
    return trees


def subtree_urls(
    top: Page, tree_home: Page, prefix: str, *, feeds=False, tick=None
) -> list[OldUrl]:
    """The URLs of the live pages of ``top``'s subtree, served under ``tree_home``;
    ``tick(pages_done)`` after every page."""
    urls = []
    pages = (
        Page.objects.descendant_of(top, inclusive=True)
        .filter(live=True)
        .only("pk", "url_path", "content_type")
    )
    start = len(tree_home.url_path)
    for done, page in enumerate(pages, start=1):
        if tick is not None:
            tick(done)
        path = Redirect.normalise_path(f"{prefix}/{page.url_path[start:]}")
        urls.append(OldUrl(path, page.pk))
        for route in fixed_routes(page.specific_class):
            urls.append(OldUrl(Redirect.normalise_path(f"{path}/{route}"), page.pk, route=route))
        if feeds and page.pk == top.pk:
            for feed in KERN_FEEDS:
                urls.append(OldUrl(Redirect.normalise_path(f"{path}/{feed}"), page.pk, feed=feed))
    return urls


def urls_in_every_tree(top: Page, home: Page, *, feeds=False, report=None) -> list[OldUrl]:
    """``subtree_urls`` of ``top`` and its copies in the language trees of ``home``; progress
    per 100 pages on ``report``."""
    urls = []
    copies = []
    for tree_home, prefix in language_trees(home):
        copy = top.get_translation_or_none(tree_home.locale)
        if copy is not None and copy.path.startswith(tree_home.path):
            copies.append((copy, tree_home, prefix))
    total = sum(
        Page.objects.descendant_of(copy, inclusive=True).filter(live=True).count()
        for copy, _home, _prefix in copies
    )
    offset = 0
    for copy, tree_home, prefix in copies:
        tick = None
        if report is not None:
            tick = lambda done, offset=offset: report.tick(offset + done, total)  # noqa: E731
        found = subtree_urls(copy, tree_home, prefix, feeds=feeds and not prefix, tick=tick)
        offset += len({url.page_id for url in found})
        urls += found
    return urls


def site_of(home: Page) -> Site:
    return Site.objects.get(root_page__translation_key=home.translation_key, root_page__depth=2)


def drop_shadowed(site: Site, urls: list[OldUrl]) -> int:
    """Delete the redirects on ``site`` from paths that now serve a page again (a kern moved
    back); returns how many."""
    paths = [url.path for url in urls]
    deleted = 0
    for start in range(0, len(paths), CHUNK):
        count, _ = Redirect.objects.filter(
            site=site, old_path__in=paths[start : start + CHUNK]
        ).delete()
        deleted += count
    return deleted


def create_redirects(site: Site, urls: list[OldUrl], report=None) -> int:
    """A permanent redirect on ``site`` for every old URL; replaces one from the same path."""
    drop_shadowed(site, urls)
    feed_base = {}
    redirects = []
    for url in urls:
        redirect = Redirect(old_path=url.path, site=site, is_permanent=True)
        if url.feed:
            if url.page_id not in feed_base:
                feed_base[url.page_id] = Page.objects.get(pk=url.page_id).get_full_url()
            redirect.redirect_link = feed_base[url.page_id] + url.feed
        else:
            redirect.redirect_page_id = url.page_id
            redirect.redirect_page_route_path = Redirect.normalise_page_route_path(url.route)
        redirects.append(redirect)
    for start in range(0, len(redirects), CHUNK):
        Redirect.objects.bulk_create(redirects[start : start + CHUNK])
        if report is not None:
            report.tick(min(start + CHUNK, len(redirects)), len(redirects), "redirects")
    return len(redirects)
