from django import template

from news.links import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_pageurl(context, page):
    """The page's URL with scheme and host of the current request (as feeds need them)."""
    return absolute_url(context["request"], page)
