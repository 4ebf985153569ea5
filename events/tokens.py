"""The signed token in a registration's cancel link: it names one registration of one activity."""

from django.core import signing

SALT = "events.registration.cancel"


def make_cancel_token(registration) -> str:
    return signing.dumps([registration.pk, registration.event_id], salt=SALT)


def read_cancel_token(token: str) -> tuple[int, int] | None:
    """(registration pk, event pk), or ``None`` for a token we did not sign."""
    try:
        registration_pk, event_pk = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(registration_pk, int) or not isinstance(event_pk, int):
        return None
    return registration_pk, event_pk
