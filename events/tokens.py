"""The signed token in a registration's cancel link: it names one registration of one activity.

Django's signed value holds ``:``, which Wagtail's page URLs do not allow, so the token is the
signed value in URL-safe base64."""

import base64
import binascii

from django.core import signing

SALT = "events.registration.cancel"


def make_cancel_token(registration) -> str:
    signed = signing.dumps([registration.pk, registration.event_id], salt=SALT)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_cancel_token(token: str) -> tuple[int, int] | None:
    """(registration pk, event pk), or ``None`` for a token we did not sign."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        registration_pk, event_pk = signing.loads(signed, salt=SALT)
    except (binascii.Error, UnicodeDecodeError, signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(registration_pk, int) or not isinstance(event_pk, int):
        return None
    return registration_pk, event_pk
