"""The links of subscription e-mails.

- Confirming: an opaque token (``privacy.emaillinks``, purpose ``CONFIRM_PURPOSE``) that expires
  after ``SUBSCRIPTIONS_CONFIRM_MAX_AGE``; the address and the choices wait with it in the
  database, not in the link. Links sent before that change carry the address and choices
  signed in the link itself; ``read_confirm_token`` still reads them until they expire (three
  days after the change, when ``read_confirm_token`` can go).
- Unsubscribing: the subscriber's id, signed (it must keep working in an old e-mail, and holds
  no address). Each has its own salt, so one cannot stand in for the other."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from privacy import emaillinks

CONFIRM_PURPOSE = "subscription"
CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    pass


@dataclass(frozen=True)
class Request:
    """What a resident asked for; it becomes a subscriber once they confirm."""

    email: str
    kern_ids: tuple[int, ...]
    kinds: tuple[str, ...]


def make_confirm_token(request: Request) -> str:
    """A token for the confirmation link: random, nothing of the request in it."""
    return emaillinks.issue(
        CONFIRM_PURPOSE,
        request.email,
        settings.SUBSCRIPTIONS_CONFIRM_MAX_AGE,
        {"kernen": list(request.kern_ids), "kinds": list(request.kinds)},
    )


def read_confirm_link(token: str):
    """``(request, link)`` of a confirmation token; ``link`` is None for an old signed one."""
    try:
        link = emaillinks.read(CONFIRM_PURPOSE, token)
    except emaillinks.ExpiredLink as error:
        raise ExpiredToken from error
    except emaillinks.InvalidLink:
        return read_confirm_token(token), None
    payload = link.payload
    return Request(link.email, tuple(payload["kernen"]), tuple(payload["kinds"])), link


def read_confirm_token(token: str) -> Request:
    """A link sent before the opaque tokens: the request signed into it (see above)."""
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
