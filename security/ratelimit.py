"""Per-address limits on the public forms, counted in Django's cache (Redis in production).

Every form that residents post without an account (klankbordgroep, activity registration,
"doe mee", subscriptions, "mijn gegevens", search, password reset, page passwords) counts its
attempts here, so the proxy setting and the counting live in one place. Logins are limited by
django-axes, which takes its visitor's address from ``client_address`` too
(``AXES_CLIENT_IP_CALLABLE``); the password reset form's limits are in
``security.views.PasswordResetView``.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The visitor's IP address. Behind a reverse proxy (``TRUST_X_FORWARDED_FOR``), the
    address the proxy added last to ``X-Forwarded-For``: the ones before it can be made up."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def hit(key: str, limit: int, window: int) -> bool:
    """Count one attempt for ``key``; True while there were at most ``limit`` attempts in
    the last ``window`` seconds, False once there are more."""
    key = "rate:" + hashlib.sha256(key.encode()).hexdigest()
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    if count is None:
        # The cache is down (Redis with IGNORE_EXCEPTIONS answers None): the form keeps
        # working without a limit rather than failing for everyone.
        logger.warning("Rate limit not counted: the cache is unavailable.")
        return True
    return count <= limit


def allow(request, scope: str, limit: int, window: int) -> bool:
    """Count one attempt from the visitor's address at ``scope``; False once it made more
    than ``limit`` within ``window`` seconds."""
    return hit(f"{scope}:{client_address(request)}", limit, window)


def allow_submission(request, page) -> bool:
    """Count this submission; False once the address sent ``FORM_RATE_LIMIT`` of them to this
    form within ``FORM_RATE_LIMIT_WINDOW`` seconds."""
    return allow(
        request, f"form:{page.pk}", settings.FORM_RATE_LIMIT, settings.FORM_RATE_LIMIT_WINDOW
    )


def too_many(request, title, text, retry_after: int):
    """The Dutch "too many attempts" page: status 429, and ``Retry-After`` in seconds."""
    response = TemplateResponse(
        request, "pages/too_many.html", {"title": title, "text": text}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response
