"""What a search engine shows of a page: its meta description (templates/base.html)."""

import html

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.fields import RichTextField
from wagtail.models import Site

register = template.Library()

#: The fields that say in a sentence or two what a page is about, in the order they are tried
#: after the editor's own "search description".
SUMMARY_FIELDS = ("intro", "summary")
#: Search engines show about this many characters.
MAX_LENGTH = 160


def _plain_text(page, name: str) -> str:
    value = str(getattr(page, name, "") or "")
    try:
        rich = isinstance(page._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:
        rich = False
    if rich:
        value = html.unescape(strip_tags(value))
    return " ".join(value.split())


def page_description(page) -> str:
    """``page``'s search description, else its introduction or summary, as plain text."""
    if page is None or not hasattr(page, "_meta"):
        return ""
    for name in ("search_description", *SUMMARY_FIELDS):
        text = _plain_text(page, name)
        if text:
            return Truncator(text).chars(MAX_LENGTH)
    return ""


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's own description, or the portal's (translated, with the municipality's
    name) on a page that has none: search, forms, the member area, error pages."""
    description = page_description(context.get("page"))
    if description:
        return description
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    name = site.site_name if site is not None and site.site_name else "Kernenportaal"
    return _("News, activities, work notices and kernagendas of the kernen of %(name)s.") % {
        "name": name
    }
