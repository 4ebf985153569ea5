"""The admin's own Content-Security-Policy, NUL bytes in requests and the second login step, for
every response Django makes. (Permissions-Policy comes from django-permissions-policy.)"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.signals import setting_changed
from django.http import JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import default_config

from security import twofactor


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CSP_ADMIN_URL_PREFIXES))


def in_stable_order(policy: str) -> str:
    """The policy's directives sorted by name. django-csp collects them in a set, so their
    order would change with each process's hash seed, and with it the bytes of every page."""
    return "; ".join(sorted(part.strip() for part in policy.split(";") if part.strip()))


#: What a view or decorator sets on a response to change or drop its policy (django-csp).
_RESPONSE_POLICY = tuple(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


def _excluded_prefixes() -> bool:
    """Whether a policy leaves some paths out (then the headers depend on the path)."""
    return any(
        (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under ``CSP_ADMIN_URL_PREFIXES``
    (``CONTENT_SECURITY_POLICY_ADMIN``); a view's own ``@csp_override`` still wins.

    A response without a nonce and without a policy of its own gets the same headers as the
    last such response on the same side (public site or admin): they are built once a
    process (and again when a setting changes), not on every response, page-cache hits
    included (bench/cache_hit.py)."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self._plain_headers = {}
        setting_changed.connect(self._forget)  # a weak reference: it goes with the middleware

    def _forget(self, **kwargs):
        self._plain_headers.clear()

    def process_response(self, request, response):
        admin = is_admin_path(request.path_info)
        if admin:
            # Wagtail's preview renders the page through the middleware again, for the page's
            # own URL: that inner pass set the public policy (frame-ancestors 'none'), which
            # would block the preview panel's frame.
            response.headers.pop(HEADER, None)
        plain = (
            not settings.DEBUG
            and not _excluded_prefixes()
            and getattr(request, "_csp_nonce", None) is None
            and HEADER not in response.headers
            and HEADER_REPORT_ONLY not in response.headers
            and not any(hasattr(response, name) for name in _RESPONSE_POLICY)
        )
        known = self._plain_headers.get(admin) if plain else None
        if known is not None:
            for header, value in known.items():
                response.headers[header] = value
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        response = super().process_response(request, response)
        for header in (HEADER, HEADER_REPORT_ONLY):
            if header in response.headers:
                response.headers[header] = in_stable_order(response.headers[header])
        if plain:
            self._plain_headers[admin] = {
                header: response.headers[header]
                for header in (HEADER, HEADER_REPORT_ONLY)
                if header in response.headers
            }
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            admin = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            parts = PolicyParts(default_config(admin), parts.update, parts.replace, parts.nonce)
        return parts


#: The text of templates/400.html, also the API's message.
UNREADABLE = _(
    "The address or the form holds something we cannot read, such as characters that do not "
    "belong in a text. Check the address, or type the text again instead of pasting it."
)


def data_holds_nul(data) -> bool:
    """Whether a QueryDict (query string or form) has a NUL byte in a name or a value."""
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in data.lists()
    )


def without_nul(data):
    """A copy of a QueryDict with every NUL byte taken out of its names and values."""
    clean = QueryDict(mutable=True)
    for key, values in data.lists():
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    clean._mutable = False
    return clean


class NulByteMiddleware:
    """NUL bytes never reach a view. No person types one, but PostgreSQL refuses text that
    holds one: every view that looks up a URL part, a query parameter or a form field would
    answer 500 to it.

    - In a page's query string (a search, a filter) they are taken out: the visitor gets the
      page of what they meant, and a filter form says what it does not know as usual.
    - In the path, the form fields, the cookies or the headers, and in any query of the API,
      the request gets a Dutch 400 before any view sees it (JSON under ``/api/``).

    Django already copes with invalid UTF-8 (the path is percent-encoded again, query and form
    values get U+FFFD)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.holds_nul(request):
            return self.refuse(request)
        if data_holds_nul(request.GET):
            if request.path_info.startswith("/api/"):
                return self.refuse(request)
            request.GET = without_nul(request.GET)
        return self.get_response(request)

    @staticmethod
    def holds_nul(request) -> bool:
        return (
            "\x00" in request.path_info
            or any(
                "\x00" in value for key, value in request.META.items() if key.startswith("HTTP_")
            )
            # A cookie may spell it "\000" inside quotes.
            or any("\x00" in value for value in request.COOKIES.values())
            # Form fields only: uploaded files may hold any byte. A body Django cannot parse
            # raises here, and Django answers that with a 400 of its own.
            or (request.method == "POST" and data_holds_nul(request.POST))
        )

    @staticmethod
    def refuse(request):
        if request.path_info.startswith("/api/"):
            return JsonResponse({"message": str(UNREADABLE)}, status=400)
        # The same page as Django's own 400; it needs no database.
        return render(request, "400.html", status=400)


class TwoFactorMiddleware:
    """A user who needs two-factor login (``security.twofactor.needs_code``) and has not
    confirmed a code in this session goes to the code page, or first to the enrolment page
    when they have no device yet, whatever URL they ask for: the admin, the member area and
    the public pages alike. Only the two-factor pages, logging out and static files stay
    open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.TWO_FACTOR_REQUIRED
            and user.is_authenticated
            and not user.is_verified()
            and not self.is_open(request.path_info)
            and twofactor.needs_code(user)
        ):
            name = "security_verify" if twofactor.has_device(user) else "security_enrol"
            target = reverse(name)
            if request.method == "GET":
                query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
                return redirect(f"{target}?{query}")
            return redirect(target)
        return self.get_response(request)

    @staticmethod
    def is_open(path):
        open_paths = (
            reverse("security_verify"),
            reverse("security_enrol"),
            reverse("logout"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),  # the two-step pages' own script
            settings.STATIC_URL,
        )
        return path.startswith(open_paths)
