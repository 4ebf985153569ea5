"""The portal's redirect middleware: Wagtail's redirects, keeping the request's query string,
then the ``redirect_fallbacks`` hook for a GET or HEAD that is still a 404.

Hook ``redirect_fallbacks``: a function that takes the request and returns the absolute URL it
should be sent to with a 301, or None. The first that answers wins; they are asked only when
the response would be a 404 that no Wagtail redirect matched (kernen: the sub-URLs of a moved
kern, ``kernen/herindeling/fallback.py``).
"""

from django.http import HttpResponsePermanentRedirect

from wagtail import hooks
from wagtail.contrib.redirects.middleware import RedirectMiddleware as WagtailRedirectMiddleware


def fallback_location(request) -> str | None:
    for fallback in hooks.get_hooks("redirect_fallbacks"):
        location = fallback(request)
        if location is not None:
            return location
    return None


class RedirectMiddleware(WagtailRedirectMiddleware):
    """Wagtail's redirects first, as they are (an exact redirect wins), keeping the request's
    query string when the redirect's target has none (``/heukelum/nieuws/?pagina=2``); then,
    for a GET or HEAD that is still a 404, the ``redirect_fallbacks``. Only 404 responses are
    looked at."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        redirected = super().process_response(request, response)
        if request.method not in ("GET", "HEAD"):
            return redirected
        query = request.META.get("QUERY_STRING", "")
        if redirected is not response:
            if query and "?" not in redirected["Location"]:
                redirected["Location"] = f"{redirected['Location']}?{query}"
            return redirected
        location = fallback_location(request)
        if location is None:
            return response
        return HttpResponsePermanentRedirect(location)
