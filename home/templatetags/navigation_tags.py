from django import template

from wagtail.models import Page, Site

from home.information import information_links
from home.locales import localized
from home.queries import public

register = template.Library()


@register.inclusion_tag("navigation/menu.html", takes_context=True)
def main_menu(context):
    """The municipality-level sections (children of the site's home page with "show in
    menus" on), in tree order. Kern pages are listed on the home page, not in the menu."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    root = site.root_page if site is not None else None
    if current is not None and root is not None and current.depth >= root.depth:
        # The home page of the tree (language) the current page is in: no query needed.
        root = Page(path=current.path[: root.depth * Page.steplen], depth=root.depth)
    elif root is not None:
        root = localized(root)
    if root is not None:
        for item in public(Page.objects.child_of(root).live().in_menu()):
            if current is not None and current.pk == item.pk:
                state = "page"
            elif current is not None and current.path.startswith(item.path):
                state = "true"
            else:
                state = ""
            items.append({"page": item, "current": state})
    is_home = current is not None and root is not None and current.path == root.path
    return {"items": items, "is_home": is_home}


@register.simple_tag(takes_context=True)
def information_pages(context):
    """(title, url) of the site's information pages (accessibility and privacy statements),
    cached: no query on a warm cache."""
    request = context.get("request")
    return information_links(Site.find_for_request(request) if request else None)
