"""E-mail subscriptions (AVG). An address is only stored once it is confirmed (until then it
lives in the signed link, and in the queued e-mail task, which ``home.privacy`` prunes); it is
deleted on unsubscribing, or with the account of the same address. See docs/privacy.md."""

from home.privacy import iso, register_data


def _subscribers(user):
    from subscriptions.models import Subscriber

    if not user.email:
        return Subscriber.objects.none()
    return Subscriber.objects.filter(email__iexact=user.email).prefetch_related("kernen")


def export(user) -> list[dict]:
    return [
        {
            "email": subscriber.email,
            "kernen": sorted(kern.title for kern in subscriber.kernen.all()),
            "kinds": subscriber.kinds,
            "confirmed_at": iso(subscriber.confirmed_at),
            "pages_sent": subscriber.deliveries.count(),
        }
        for subscriber in _subscribers(user)
    ]


def erase(user) -> None:
    _subscribers(user).delete()


register_data("subscriptions", export, erase)
