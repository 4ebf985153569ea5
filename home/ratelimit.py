"""A per-address limit on form submissions, kept in Django's cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The visitor's IP address. Behind a reverse proxy (``TRUST_X_FORWARDED_FOR``), the
    address the proxy added last to ``X-Forwarded-For``."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow_submission(request, page) -> bool:
    """Count this submission; False once the address sent ``FORM_RATE_LIMIT`` of them to this
    form within ``FORM_RATE_LIMIT_WINDOW`` seconds."""
    key = f"form-rate:{page.pk}:{client_address(request)}"
    window = settings.FORM_RATE_LIMIT_WINDOW
    if cache.add(key, 1, timeout=window):
        return True
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return attempts <= settings.FORM_RATE_LIMIT
