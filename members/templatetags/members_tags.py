from django import template
from django.template.defaultfilters import linebreaksbr, urlize
from django.utils.safestring import SafeString

register = template.Library()


@register.filter(is_safe=True)
def message_text(text) -> SafeString:
    """Plain text of a member's message as safe HTML: everything escaped, web addresses
    turned into links (rel="nofollow"), line breaks kept. No HTML of the author survives."""
    return linebreaksbr(urlize(str(text or ""), autoescape=True), autoescape=False)
