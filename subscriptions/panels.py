"""The "Blijf op de hoogte" block on every kern page. It costs no query: the link carries the
kern's slug, and the form looks the kern up."""

from urllib.parse import urlencode

from django.urls import reverse


def subscribe_panel(kern, request):
    url = reverse("subscriptions:subscribe") + "?" + urlencode({"kern": kern.slug})
    return {"url": url, "kern": kern.title}
