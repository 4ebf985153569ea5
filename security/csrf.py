"""CSRF protection that lets the public forms' pages be cached (docs/security.md).

Django's token lives in a cookie and in the page, so a page with a token is one visitor's
page: the page cache cannot keep it. The public forms that anonymous visitors fill in (an
action point's "doe mee", an activity's registration, a Wagtail form page such as a
klankbordgroep, the subscription to updates) are rendered without a token for anonymous
visitors, and an anonymous POST to them is accepted when the browser says it comes from this
site itself: ``Sec-Fetch-Site: same-origin`` when sent, and an ``Origin`` (or, without one, a
``Referer``) of this site. Every other POST, and every POST of a logged-in member, needs the
token as before.
"""

from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.http import is_same_domain

#: The attribute that marks a view function or a page class as a public form.
PUBLIC_FORM = "public_form"
#: The attribute of a view that serves pages: the function that finds a request's page.
ROUTED_PAGE = "routed_page"


def public_form(view):
    """Mark a view as a public form for anonymous visitors: a same-origin POST without a
    token is accepted from them (``PublicFormOriginMiddleware``)."""
    setattr(view, PUBLIC_FORM, True)
    return view


def same_origin(request, trusted) -> bool:
    """Whether the browser says the request comes from this site's own pages. ``trusted``:
    the check of an Origin against this site and CSRF_TRUSTED_ORIGINS (Django's own)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        referer = request.headers.get("Referer")
        if not referer:
            return False  # no header tells where the form was: refuse
        try:
            parts = urlsplit(referer)
        except ValueError:
            return False
        if not parts.scheme or not parts.netloc:
            return False
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin == "null":
        return False
    return trusted(request, origin)


def posted_page(request, callback, callback_args, callback_kwargs):
    """The page a request goes to, when its view routes pages: such a view has a
    ``routed_page(request, *args, **kwargs)`` that finds it (``home.views.serve``)."""
    routed_page = getattr(callback, ROUTED_PAGE, None)
    if routed_page is None:
        return None
    try:
        return routed_page(request, *callback_args, **callback_kwargs)
    except Http404:
        return None


class PublicFormOriginMiddleware:
    """Before Django's ``CsrfViewMiddleware``: an anonymous same-origin POST to a public form
    is marked as checked (``csrf_processing_done``), so Django's check lets it pass without
    the token. Everything else goes on to Django's check unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Django's middleware knows the trusted origins (CSRF_TRUSTED_ORIGINS), parsed once.
        self._django = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method == "POST"
            and getattr(request, "user", None) is not None
            and not request.user.is_authenticated
            and same_origin(request, self._origin_trusted)
            and self._public_form(request, callback, callback_args, callback_kwargs)
        ):
            request.csrf_checked_by_origin = True
            request.csrf_processing_done = True  # what Django's check looks at first
        return None

    def _origin_trusted(self, request, origin: str) -> bool:
        """Django's own check of an Origin (``_origin_verified``), for a given origin."""
        try:
            scheme = "https" if request.is_secure() else "http"
            if origin == f"{scheme}://{request.get_host()}":
                return True
        except DisallowedHost:
            pass
        if origin in self._django.allowed_origins_exact:
            return True
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        return any(
            is_same_domain(parts.netloc, host)
            for host in self._django.allowed_origin_subdomains.get(parts.scheme, ())
        )

    def _public_form(self, request, callback, callback_args, callback_kwargs) -> bool:
        if getattr(callback, PUBLIC_FORM, False):
            return True
        page = posted_page(request, callback, callback_args, callback_kwargs)
        return page is not None and getattr(page, PUBLIC_FORM, False)
