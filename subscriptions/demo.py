"""Demo subscribers: confirmed, with example addresses. Idempotent."""

from django.utils import timezone

from home.factories import get_or_create
from kernen.models import KernPage
from subscriptions.constants import Kind
from subscriptions.factories import SubscriberFactory

DEMO_SUBSCRIBERS = [
    ("inwoner.beesd@example.nl", ["beesd"], [Kind.WORKS, Kind.NEWS, Kind.ACTIVITIES]),
    ("familie.jansen@example.nl", ["beesd", "rumpt"], [Kind.WORKS]),
    ("heukelum.nieuws@example.nl", ["heukelum"], [Kind.NEWS, Kind.ACTIVITIES]),
    ("ondernemer.geldermalsen@example.nl", ["geldermalsen", "meteren"], [Kind.WORKS, Kind.NEWS]),
]


def load_demo(home, stdout=None):
    now = timezone.now()
    made = 0
    for email, slugs, kinds in DEMO_SUBSCRIBERS:
        kernen = list(KernPage.objects.child_of(home).filter(slug__in=slugs))
        if not kernen:
            continue
        _subscriber, created = get_or_create(
            SubscriberFactory,
            email=email,
            defaults={"kinds": kinds, "confirmed_at": now, "digest_until": now, "kernen": kernen},
        )
        made += created
    if stdout is not None and made:
        stdout.write(f"Demo: {made} subscribers to 'Blijf op de hoogte'.")
