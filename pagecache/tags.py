"""What a rendering depends on (read tags) and what a change makes stale (purge tags)."""

from wagtail.models import Page

CONTENT = "content"
STEP = Page.steplen


def site_tag(path: str) -> str:
    return f"site:{path[: STEP * 2]}"


def branch_tag(path: str) -> str:
    return f"branch:{path[: STEP * 3]}"


def tag_key(tag: str) -> str:
    """The cache key holding the current token of ``tag``."""
    return f"pagecache:tag:{tag}"


def page_read_tags(page) -> set[str]:
    """The tags a rendering of ``page`` depends on."""
    tags = {site_tag(page.path), *getattr(page, "cache_reads", ())}
    if page.depth >= 3:
        tags.add(branch_tag(page.path))
    return tags


def page_purge_tags(page) -> set[str]:
    """The tags to invalidate when ``page`` is published, unpublished or deleted."""
    # The home page, a kern or a municipality section: names and links on every page.
    tags = {site_tag(page.path)} if page.depth <= 3 else {branch_tag(page.path), CONTENT}
    tags.update(getattr(page, "cache_purges", ()))
    related = getattr(page, "cache_related_tags", None)
    if related is not None:
        tags.update(related())
    return tags


def all_site_tags() -> set[str]:
    """The site tag of every municipality (for models shared by all of them)."""
    return {site_tag(path) for path in Page.objects.filter(depth=2).values_list("path", flat=True)}


def declare(request, *tags: str) -> None:
    """Mark the response to ``request`` as cacheable, depending on ``tags``."""
    request._page_cache_tags = set(tags) | getattr(request, "_page_cache_tags", set())


def declare_page(request, page) -> None:
    declare(request, *page_read_tags(page))
