"""Fixtures for the events app: kern activity sections and activities."""

from wagtail.test.utils.form_data import inline_formset, rich_text

import pytest

from events.factories import EventPageFactory
from events.models import EventIndexPage


def event_fields(title, slug, **extra):
    """The fields of the admin's add form of an activity (before ``nested_form_data``):
    no registration unless ``extra`` says so."""
    return {
        "title": title,
        "slug": slug,
        "start": "14-06-2031 10:00",
        "end": "14-06-2031 15:00",
        "summary": "Samen klussen.",
        "description": rich_text("<p>Iedereen is welkom.</p>"),
        "location": "Dorpshuis",
        "organiser": "Dorpsbelang",
        "cost": "gratis",
        "max_places": "",
        "comments": inline_formset([]),
        **extra,
    }


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
