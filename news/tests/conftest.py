"""Fixtures of the news app: news items, work notices, the comms group and all 26 kernen."""

import csv
from datetime import timedelta

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, rich_text

import pytest

from kernen.data import DATA_FILE
from news.factories import NewsPageFactory, WorkNoticePageFactory
from news.models import MunicipalityNewsIndexPage, NewsIndexPage, WorkNoticeIndexPage
from news.provisioning import comms_group_for
from tests.snapshots import snapshot


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def make_news():
    """Publish a news item in ``where`` (a kern or the municipality home page)."""

    def make(where, title, date, **fields):
        index = (
            NewsIndexPage.objects.child_of(where).first()
            or MunicipalityNewsIndexPage.objects.child_of(where).get()
        )
        return NewsPageFactory(parent=index, title=title, date=date, **fields)

    return make


def notice_fields(title, slug, **extra):
    """The fields of the admin's add form of a work notice (before ``nested_form_data``); no
    kernen and not for all kernen unless ``extra`` says so."""
    return {
        "title": title,
        "slug": slug,
        "summary": "De weg gaat open voor nieuwe leidingen.",
        "body": rich_text("<p>Meer uitleg.</p>"),
        "start_date": "2030-01-10",
        "end_date": "2030-01-20",
        "status": "",
        "location_text": "Dorpsstraat",
        "coordinates": "",
        "impact": "road_closed",
        "detour": "",
        "contact": "",
        "comments": inline_formset([]),
        **extra,
    }


@pytest.fixture
def notice_index(municipality):
    return WorkNoticeIndexPage.objects.child_of(municipality).get()


@pytest.fixture
def make_notice(notice_index, today):
    """Publish a work notice for ``kernen`` (or all kernen), running ``start``..``end`` days
    from today."""

    def make(title, kernen=(), *, start=0, end=7, all_kernen=False, **fields):
        return WorkNoticePageFactory(
            parent=notice_index,
            title=title,
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=end),
            all_kernen=all_kernen,
            kernen=list(kernen),
            **fields,
        )

    return make


@pytest.fixture
@snapshot
def comms_group(municipality):
    group, _pages = comms_group_for(municipality)
    return group


@pytest.fixture
@snapshot
def comms_user(make_user, comms_group):
    return make_user("communicatie", comms_group)


@pytest.fixture
@snapshot
def all_kernen(make_kern):
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [make_kern(row["name"], slug=row["slug"]) for row in rows]
