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


def make_unsubscribe_token(email: str) -> str:
    # Encoded, so the address is not readable in the link (or in a web server's log).
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"e": email})


def read_unsubscribe_token(token: str) -> str:
    try:
        return str(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)["e"])
    except (signing.BadSignature, ValueError, KeyError, TypeError) as error:
        raise InvalidToken from error
