import pytest

from subscriptions.demo import DEMO_SUBSCRIBERS, load_demo
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db


def test_the_demo_adds_confirmed_subscribers_once(municipality, make_kern):
    for name in ("Beesd", "Rumpt", "Heukelum", "Geldermalsen", "Meteren"):
        make_kern(name)

    load_demo(municipality)
    load_demo(municipality)

    assert Subscriber.objects.count() == len(DEMO_SUBSCRIBERS)
    jansen = Subscriber.objects.get(email="familie.jansen@example.nl")
    assert sorted(kern.title for kern in jansen.kernen.all()) == ["Beesd", "Rumpt"]
    assert jansen.kinds == ["werkzaamheden"]
    assert all(subscriber.confirmed_at for subscriber in Subscriber.objects.all())
