"""Fixtures for the events app: kern activity sections and activities."""

import pytest

from events.factories import EventPageFactory
from events.models import EventIndexPage


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
        fields.setdefault("slug", f"activiteit-{counter['n']}")
        fields.setdefault("location", f"Dorpshuis {kern.title}")
        return EventPageFactory(
            parent=index_of(kern), title=title, days=days, hours=hours, **fields
        )

    return make
