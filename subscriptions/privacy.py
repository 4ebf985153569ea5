"""E-mail subscriptions (AVG). A subscriber is only stored once the address is confirmed
(until then the address waits with the confirmation link in ``privacy.EmailLink``, and in
the queued e-mail task, which ``privacy.sources`` prunes); it is deleted on unsubscribing,
through "mijn gegevens", or with the account of the same address. See docs/privacy.md."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import AddressSource, iso
from subscriptions.models import Subscriber


def _subscribers(email):
    if not email:
        return Subscriber.objects.none()
    return Subscriber.objects.filter(email__iexact=email).prefetch_related("kernen")


def export(email) -> list[dict]:
    return [
        {
            "email": subscriber.email,
            "kernen": sorted(kern.title for kern in subscriber.kernen.all()),
            "kinds": subscriber.kinds,
            "confirmed_at": iso(subscriber.confirmed_at),
            "pages_sent": subscriber.deliveries.count(),
        }
        for subscriber in _subscribers(email)
    ]


def erase(email) -> None:
    _subscribers(email).delete()


def privacy_data() -> list[AddressSource]:
    return [AddressSource("subscriptions", _("E-mail subscriptions"), export, erase)]
