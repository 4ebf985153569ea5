from wagtail import hooks

from home import pagecache


@hooks.register("before_serve_page")
def declare_page_cache_tags(page, request, serve_args, serve_kwargs):
    """Every Wagtail page may be cached for anonymous visitors, with the tags it reads."""
    pagecache.declare_page(request, page)
