"""The per-address limit on activity registrations (see home.ratelimit)."""

from events.constants import RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW
from home.ratelimit import client_address, hit


def allow(request, scope: str, limit: int = RATE_LIMIT_COUNT, window: int = RATE_LIMIT_WINDOW):
    """Count one submission from this address; ``False`` once it sent more than ``limit``."""
    return hit(f"events:{scope}:{client_address(request)}", limit, window)
