from django.utils import timezone

import pytest

from events.demo import WITH_IMAGE, load_events_demo
from events.models import EventPage, Registration

pytestmark = pytest.mark.django_db


def test_demo_fills_every_kern_with_past_and_coming_activities_once(
    client, municipality, beesd, heukelum, make_kern
):
    make_kern("Tuil")

    load_events_demo(municipality)
    first = (EventPage.objects.count(), Registration.objects.count())
    load_events_demo(municipality)

    assert (EventPage.objects.count(), Registration.objects.count()) == first
    now = timezone.now()
    for kern in (beesd, heukelum):
        events = EventPage.objects.live().descendant_of(kern)
        assert events.filter(end__lt=now).exists(), kern
        assert events.filter(start__gt=now).exists(), kern
    full = EventPage.objects.descendant_of(beesd).get(registration_enabled=True)
    confirmed = full.registrations.filter(status="confirmed").count()
    assert confirmed == full.max_places
    assert full.registrations.filter(status="waiting").exists()
    assert "Deze activiteit is vol." in client.get(full.url).content.decode()
    assert EventPage.objects.descendant_of(heukelum).filter(registration_enabled=True).exists()
    assert client.get("/tuil/activiteiten/").status_code == 200
    for kern in (beesd, heukelum):
        with_image = EventPage.objects.descendant_of(kern).filter(image__isnull=False)
        # Three activities in five have a picture: the lists show both kinds.
        assert with_image.count() == len(WITH_IMAGE), kern
        assert EventPage.objects.descendant_of(kern).filter(image__isnull=True).exists(), kern
        assert all(event.image_alt for event in with_image)
    images = EventPage.objects.filter(image__isnull=False).values_list("image", flat=True)
    assert len(set(images)) == len(images)
