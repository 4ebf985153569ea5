"""What the other apps tell the page cache: the ``pagecache_invalidation`` hook.

An app whose models show on public pages outside the page tree (snippets, settings,
registrations), or whose pages have cached URLs below them (feeds, calendars, open data),
declares it in its ``wagtail_hooks.py``::

    @hooks.register("pagecache_invalidation")
    def page_cache():
        return [
            InvalidateOnChange(Theme, lambda theme: all_site_tags()),
            CachedPaths("kernen.KernPage", ["rss/", "atom/"]),
        ]

A hook function takes no arguments and returns a list of :class:`InvalidateOnChange` and
:class:`CachedPaths`. The page cache collects them once, when the site starts (``apps.py``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

from pagecache.cdn import add_cached_paths
from pagecache.signals import invalidate_on_change

HOOK = "pagecache_invalidation"


@dataclass(frozen=True)
class InvalidateOnChange:
    """Invalidate ``tags(instance)`` whenever an instance of ``model`` is saved or deleted;
    ``on_create=False`` for models whose new, empty instances show nothing."""

    model: type
    tags: Callable  # (instance) -> iterable of tags (pagecache.tags)
    on_create: bool = True


@dataclass(frozen=True)
class CachedPaths:
    """URLs below every page of ``page_type`` (``"app.Model"``) that show its content and are
    cached, e.g. a kern's feeds (``"rss/"``): a CDN in front purges them with the page."""

    page_type: str
    paths: tuple | list


def apply() -> None:
    for declare in hooks.get_hooks(HOOK):
        for rule in declare():
            if isinstance(rule, InvalidateOnChange):
                invalidate_on_change(rule.model, rule.tags, on_create=rule.on_create)
            elif isinstance(rule, CachedPaths):
                add_cached_paths(rule.page_type, rule.paths)
            else:
                raise TypeError(f"{HOOK} hooks return InvalidateOnChange or CachedPaths: {rule!r}")
