"""Security headers and the second login step, for every response Django makes."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from security import twofactor


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CSP_ADMIN_URL_PREFIXES))


def in_stable_order(policy: str) -> str:
    """The policy's directives sorted by name. django-csp collects them in a set, so their
    order would change with each process's hash seed, and with it the bytes of every page."""
    return "; ".join(sorted(part.strip() for part in policy.split(";") if part.strip()))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under ``CSP_ADMIN_URL_PREFIXES``
    (``CONTENT_SECURITY_POLICY_ADMIN``); a view's own ``@csp_override`` still wins."""

    def process_response(self, request, response):
        if is_admin_path(request.path_info):
            # Wagtail's preview renders the page through the middleware again, for the page's
            # own URL: that inner pass set the public policy (frame-ancestors 'none'), which
            # would block the preview panel's frame.
            response.headers.pop(HEADER, None)
        response = super().process_response(request, response)
        for header in (HEADER, HEADER_REPORT_ONLY):
            if header in response.headers:
                response.headers[header] = in_stable_order(response.headers[header])
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            admin = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            parts = PolicyParts(default_config(admin), parts.update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` from ``PERMISSIONS_POLICY`` (feature → allowed origins); Django
    has no setting for it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


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
