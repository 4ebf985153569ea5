"""The CDN in front (``wagtail.contrib.frontend_cache``): which URLs it must forget."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, get_page_models

from pagecache.tags import CONTENT

#: URLs below every page of a type that show its content and are cached, e.g. a kern's feeds
#: ("rss/"), by lower-case model label; declared with ``rules.CachedPaths``.
cached_paths: dict[str, list[str]] = {}


def cdn_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def add_cached_paths(page_type: str, paths) -> None:
    """The CDN purges ``paths`` below every page of ``page_type`` with the page."""
    cached_paths.setdefault(page_type.lower(), []).extend(paths)


def cdn_urls(tags: set[str], page_ids=()) -> set[str]:
    """The URLs the CDN must forget when ``tags`` change: the pages that read those tags
    (a kern and its sections for a branch, the overviews for their kind, the home pages and
    sections for a site) and the changed pages themselves."""
    query = Q(pk__in=page_ids)
    for tag in tags:
        kind, _sep, value = tag.partition(":")
        if kind == "site":
            query |= Q(path__startswith=value, depth__lte=4)
        elif kind == "branch":
            query |= Q(path=value) | Q(path__startswith=value, depth=4)
        elif kind == CONTENT:
            query |= Q(depth=2)
    readers = [
        model for model in get_page_models() if set(getattr(model, "cache_reads", ())) & tags
    ]
    if readers:
        types = ContentType.objects.get_for_models(*readers).values()
        query |= Q(content_type__in=types)
    urls = set()
    for page in Page.objects.live().filter(query).specific(defer=True):
        url = page.get_full_url()
        if not url:
            continue
        urls.add(url)
        for path in cached_paths.get(page._meta.label_lower, ()):
            urls.add(url + path)
    return urls
