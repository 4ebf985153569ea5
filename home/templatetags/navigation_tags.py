from django import template

from wagtail.models import Page, Site

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
    if site is not None:
        for item in public(Page.objects.child_of(site.root_page).live().in_menu()):
            if current is not None and current.pk == item.pk:
                state = "page"
            elif current is not None and current.path.startswith(item.path):
                state = "true"
            else:
                state = ""
            items.append({"page": item, "current": state})
    is_home = current is not None and site is not None and current.pk == site.root_page_id
    return {"items": items, "is_home": is_home}
