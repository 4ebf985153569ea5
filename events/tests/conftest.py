"""Fixtures for the events app: kern activity sections and activities."""

from datetime import timedelta

from django.utils import timezone

import pytest

from events.models import EventIndexPage, EventPage


@pytest.fixture
def index_of():
    def get(kern):
        return EventIndexPage.objects.child_of(kern).get()

    return get


@pytest.fixture
def make_event(index_of):
    """Publish an activity in ``kern``; ``days`` from now (negative: in the past)."""
    counter = {"n": 0}

    def make(kern, title="Burendag", days=3, hours=2, **fields):
        counter["n"] += 1
        start = fields.pop("start", timezone.now().replace(microsecond=0) + timedelta(days=days))
        event = EventPage(
            title=title,
            slug=fields.pop("slug", f"activiteit-{counter['n']}"),
            start=start,
            end=fields.pop("end", start + timedelta(hours=hours)),
            location=fields.pop("location", f"Dorpshuis {kern.title}"),
            **fields,
        )
        index_of(kern).add_child(instance=event)
        event.save_revision().publish()
        return event

    return make
