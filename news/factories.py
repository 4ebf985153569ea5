"""Factories of the news app: news items and work notices. See docs/testing.md."""

from datetime import timedelta

from django.utils import timezone

import factory

from home.factories import PageFactory
from news.constants import Impact
from news.models import NewsPage, WorkNoticePage


class NewsPageFactory(PageFactory):
    """A news item in a news section (``parent=``: a kern's or the municipality's)."""

    title = factory.Sequence(lambda n: f"Nieuws {n}")
    date = factory.LazyFunction(timezone.localdate)
    intro = factory.LazyAttribute(lambda page: f"Kort: {page.title}.")

    class Meta:
        model = NewsPage


class WorkNoticePageFactory(PageFactory):
    """A work notice below ``/werkzaamheden/`` (``parent=``) for ``kernen=[...]`` (or
    ``all_kernen=True``), running ``start_date`` to ``end_date`` (a week from today)."""

    title = factory.Sequence(lambda n: f"Werkzaamheden {n}")
    summary = factory.LazyAttribute(lambda page: f"Werk: {page.title}.")
    location_text = "Dorpsstraat"
    impact = Impact.ROAD_CLOSED
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = factory.LazyAttribute(lambda page: page.start_date + timedelta(days=7))
    kernen = factory.LazyFunction(list)

    class Meta:
        model = WorkNoticePage
