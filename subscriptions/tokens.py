"""Signed links: confirming a subscription (expires) and unsubscribing (does not: an old
e-mail's link must keep working). Each has its own salt, so one cannot stand in for the other."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    pass


@dataclass(frozen=True)
class Request:
    """What a resident asked for; it is only stored once they confirm."""

    email: str
    kern_ids: tuple[int, ...]
    kinds: tuple[str, ...]


def make_confirm_token(request: Request) -> str:
    payload = {"e": request.email, "k": list(request.kern_ids), "t": list(request.kinds)}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def read_confirm_token(token: str) -> Request:
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        payload = signer.unsign_object(token, max_age=settings.SUBSCRIPTIONS_CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except (signing.BadSignature, ValueError) as error:
        raise InvalidToken from error
    try:
        return Request(
            email=str(payload["e"]),
            kern_ids=tuple(int(kern_id) for kern_id in payload["k"]),
            kinds=tuple(str(kind) for kind in payload["t"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidToken from error


def make_unsubscribe_token(subscriber_id: int | None) -> str:
    """A link for one subscriber (by id, so no address ends up in a link or a web server's
    log). ``None`` (an address that is not subscribed yet) gives a link that deletes nothing."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscriber_id or 0))


def read_unsubscribe_token(token: str) -> int:
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise InvalidToken from error
