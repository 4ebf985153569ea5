"""The public page view: Wagtail's own (``wagtail.views.serve``), except for how it finds the
home page of the URL's language; and Wagtail's page password form with a limit on guesses."""

from django.conf import settings
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import TemplateDoesNotExist, loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.views import serve_chain

from home.locales import localized
from home.models import HomePage, route_below_home
from security.ratelimit import client_address, hit, too_many


def serve(request, path):
    """Route ``path`` from the site's home page in the active language and serve the page,
    with Wagtail's ``before_serve_page`` and ``on_serve_page`` hooks.

    Wagtail's view takes the home page from ``site.root_page.localized``, which asks the
    database for the active Locale on every request; ``home.locales.localized`` knows it
    without a query, and needs none at all on a Dutch page. Below the home page the home
    page's own (specific) row is not loaded either (``home.models.route_below_home``)."""
    page, args, kwargs = route(request, path)

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)


def route(request, path):
    """``(page, args, kwargs)`` of ``path``, found once a request (kept on it)."""
    found = getattr(request, "_portal_route", None)
    if found is None or found[0] != path:
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        home = localized(site.root_page)
        parts = [part for part in path.split("/") if part]
        if parts and home.specific_class is HomePage:
            # Below the home page its own row is not needed (route_below_home): one query less.
            found = (path, route_below_home(home, request, parts))
        else:
            found = (path, home.specific.route(request, parts))
        request._portal_route = found
    return found[1]


def routed_page(request, path):
    """The page ``path`` goes to: what the CSRF check asks of a POST (security.csrf)."""
    return route(request, path)[0]


#: The CSRF check finds a public form's page through it (security.csrf.ROUTED_PAGE).
serve.routed_page = routed_page


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's form for a page with a password (``PageViewRestriction.PASSWORD``), after
    counting the attempt: at most ``PAGE_PASSWORD_RATE_LIMIT`` per visitor's address and
    protected page within ``PAGE_PASSWORD_RATE_WINDOW`` seconds, then a Dutch 429 page."""
    if request.method == "POST":
        window = settings.PAGE_PASSWORD_RATE_WINDOW
        key = f"page-password:{page_view_restriction_id}:{client_address(request)}"
        if not hit(key, settings.PAGE_PASSWORD_RATE_LIMIT, window):
            return too_many(
                request,
                _("Too many attempts"),
                _("The password of this page was tried too often. Please try again in an hour."),
                window,
            )
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)


def favicon(request):
    """/favicon.ico, which browsers ask for by themselves (pages link the icon too)."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


def server_error(request, template_name="500.html"):
    """The 500 page (``handler500``) in the visitor's language, told by the URL (/en/, /pl/,
    else Dutch). It needs no database, session or context processor: one of those may be what
    broke. Django's own view would show Dutch on /en/ when the error came before the language
    was known."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            body = loader.get_template(template_name).render()
        except TemplateDoesNotExist:
            body = "<h1>Server Error (500)</h1>"
    return HttpResponseServerError(body)
