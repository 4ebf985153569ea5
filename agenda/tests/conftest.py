"""Fixtures of the kernagenda: kernen with their kernagenda, and action points built fast."""

import datetime

from django.utils import timezone

import pytest

from agenda.factories import ActionPointPageFactory, ProgressUpdateFactory
from agenda.models import KernagendaPage, Theme
from tests.snapshots import snapshot


@pytest.fixture
@snapshot
def asperen(make_kern):
    return make_kern("Asperen")


@pytest.fixture
def themes(db):
    """The themes the migration adds, by slug."""
    return {theme.slug: theme for theme in Theme.objects.all()}


def kernagenda_of(kern):
    return KernagendaPage.objects.child_of(kern).get()


@pytest.fixture
def make_point(themes):
    """Add a live action point to ``kern``'s kernagenda (no revision: fast)."""
    counter = {"n": 0}

    def make(kern, title=None, theme="groen", **fields):
        counter["n"] += 1
        title = title or f"Actiepunt {counter['n']}"
        return ActionPointPageFactory(
            parent=kernagenda_of(kern),
            kern=kern,
            title=title,
            slug=f"{title.lower().replace(' ', '-')}-{counter['n']}",
            theme=themes[theme] if theme else None,
            **fields,
        )

    return make


@pytest.fixture
def add_update():
    def add(point, text, days_ago=0, new_status="", order=0):
        return ProgressUpdateFactory(
            page=point,
            text=text,
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
            new_status=new_status,
            sort_order=order,
        )

    return add
