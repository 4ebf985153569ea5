"""The public page view: Wagtail's own (``wagtail.views.serve``), except for how it finds the
home page of the URL's language."""

from django.http import Http404, HttpResponse

from wagtail import hooks
from wagtail.models import Site
from wagtail.views import serve_chain

from home.locales import localized


def serve(request, path):
    """Route ``path`` from the site's home page in the active language and serve the page,
    with Wagtail's ``before_serve_page`` and ``on_serve_page`` hooks.

    Wagtail's view takes the home page from ``site.root_page.localized``, which asks the
    database for the active Locale on every request; ``home.locales.localized`` knows it
    without a query, and needs none at all on a Dutch page."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    home = localized(site.root_page).specific
    page, args, kwargs = home.route(request, [part for part in path.split("/") if part])

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)
