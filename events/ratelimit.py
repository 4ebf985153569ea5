"""A per-IP limit on form submissions, kept in Django's cache (Redis in production)."""

from django.core.cache import cache

from events.constants import RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW


def client_ip(request) -> str:
    # The reverse proxy in front of the app servers sets REMOTE_ADDR (see the README).
    return request.META.get("REMOTE_ADDR") or "unknown"


def allow(request, scope: str, limit: int = RATE_LIMIT_COUNT, window: int = RATE_LIMIT_WINDOW):
    """Count one submission from this IP; ``False`` once it sent more than ``limit``."""
    key = f"events:rate:{scope}:{client_ip(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
