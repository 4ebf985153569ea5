from wagtail import hooks

from pagecache.rules import CachedPaths


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """The CDN forgets a kern's feeds and notices calendar with the kern."""
    return [CachedPaths("kernen.KernPage", ["rss/", "atom/", "werkzaamheden.ics"])]
