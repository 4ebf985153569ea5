from django import template
from django.utils import translation

from wagtail.models import Page, Site

from home.information import information_links
from home.locales import localized
from home.queries import public
from pagecache.invalidation import cached_by_tags
from pagecache.tags import site_tag

register = template.Library()

MENU_KEY = "home.navigation:menu:{site}:{language}:{root}"


@register.inclusion_tag("navigation/menu.html", takes_context=True)
def main_menu(context):
    """The municipality-level sections (children of the site's home page with "show in
    menus" on), in tree order. Kern pages are listed on the home page, not in the menu.

    The items (id, path, title, URL) are cached until the site's tag is invalidated (a
    section published, unpublished, moved or deleted, a view restriction, in any language:
    pagecache.invalidation): no query and no URL building on a warm cache."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    if site is None:
        return {"items": [], "is_home": False}
    root = site.root_page
    if current is not None and current.depth >= root.depth:
        # The home page of the tree (language) the current page is in: no query needed.
        root_path = current.path[: root.depth * Page.steplen]
    else:
        root_path = None  # found on a miss (another view than a page: its language's tree)

    def items():
        home = Page(path=root_path, depth=root.depth) if root_path else localized(root)
        pages = public(Page.objects.child_of(home).live().in_menu())
        return [(page.pk, page.path, page.title, page.get_url(request)) for page in pages]

    key = MENU_KEY.format(
        site=site.pk, language=translation.get_language(), root=root_path or "view"
    )
    menu = []
    for pk, path, title, url in cached_by_tags(key, {site_tag(root.path)}, items):
        if current is not None and current.pk == pk:
            state = "page"
        elif current is not None and current.path.startswith(path):
            state = "true"
        else:
            state = ""
        menu.append({"title": title, "url": url, "current": state})
    is_home = current is not None and current.path == (root_path or root.path)
    return {"items": menu, "is_home": is_home}


@register.simple_tag(takes_context=True)
def information_pages(context):
    """(title, url) of the site's information pages (accessibility and privacy statements),
    cached: no query on a warm cache."""
    request = context.get("request")
    return information_links(Site.find_for_request(request) if request else None)
