"""Links sent by e-mail that carry nothing personal: a random token in the URL, and with its
SHA-256 hash in ``privacy.EmailLink`` the address and what the link is for.

``issue`` makes one and returns the token for the URL; ``read`` finds it again (or raises
``InvalidLink``, ``ExpiredLink``); ``used`` deletes it. Expired links are deleted by the
daily ``purge_personal_data`` (``privacy/sources.py``). A database copy on its own opens no
link: only hashes are stored.
"""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from privacy.models import EmailLink

#: Tokens are 43 characters of URL-safe base64 (256 random bits).
TOKEN_BYTES = 32


class InvalidLink(Exception):
    pass


class ExpiredLink(InvalidLink):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(purpose: str, email: str, max_age: int, payload: dict | None = None) -> str:
    """Store a link for ``email`` valid for ``max_age`` seconds; return its token."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    EmailLink.objects.create(
        purpose=purpose,
        token_hash=token_hash(token),
        email=email,
        payload=payload or {},
        expires_at=timezone.now() + timedelta(seconds=max_age),
    )
    return token


def read(purpose: str, token: str):
    """The ``EmailLink`` of ``token`` for ``purpose``."""
    link = EmailLink.objects.filter(purpose=purpose, token_hash=token_hash(token)).first()
    if link is None:
        raise InvalidLink
    if link.expires_at <= timezone.now():
        raise ExpiredLink
    return link


def used(link) -> None:
    link.delete()


def purge_expired(before) -> int:
    return EmailLink.objects.filter(expires_at__lt=before).delete()[0]
