from wagtail import hooks

from pagecache.tags import declare_page


@hooks.register("before_serve_page")
def declare_page_cache_tags(page, request, serve_args, serve_kwargs):
    """Every Wagtail page may be cached for anonymous visitors, with the tags it reads."""
    declare_page(request, page)
