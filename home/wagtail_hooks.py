from wagtail import hooks

from home.models import PortalSettings
from pagecache.rules import InvalidateOnChange
from pagecache.tags import site_tag


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """The portal settings show on every page of their site; Wagtail creates them empty on the
    first page view, which changes nothing on a page."""
    return [
        InvalidateOnChange(
            PortalSettings,
            lambda settings: {site_tag(settings.site.root_page.path)},
            on_create=False,
        )
    ]
