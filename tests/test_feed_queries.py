"""Feeds, calendars and open data: SQL queries pinned, the same with 1 and with 10 items."""

from datetime import timedelta

from django.utils import timezone

import pytest

from agenda.factories import ActionPointPageFactory
from agenda.models import KernagendaPage, Theme
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage, WorkNoticeIndexPage, WorkNoticePage

pytestmark = pytest.mark.django_db

#: SQL queries per request (rendering: the page cache is off while counting).
FEED_QUERIES = {
    "/beesd/rss/": 4,
    "/beesd/atom/": 4,
    "/beesd/werkzaamheden.ics": 3,
    "/beesd/agenda.ics": 4,
    "/activiteiten/agenda.ics": 4,
    "/kernagendas/actiepunten.csv": 3,
    "/kernagendas/actiepunten.json": 3,
}


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()


def add_content(municipality, kern, number, prefix):
    today = timezone.localdate()
    news_index = NewsIndexPage.objects.child_of(kern).get()
    events = EventIndexPage.objects.child_of(kern).get()
    notices = WorkNoticeIndexPage.objects.child_of(municipality).get()
    kernagenda = KernagendaPage.objects.child_of(kern).get()
    theme = Theme.objects.first()
    for n in range(number):
        publish(
            news_index,
            NewsPage(
                title=f"{prefix} nieuws {n}", slug=f"{prefix}-nieuws-{n}", date=today, intro="Kort."
            ),
        )
        start = timezone.now() + timedelta(days=n + 1)
        publish(
            events,
            EventPage(
                title=f"{prefix} activiteit {n}",
                slug=f"{prefix}-activiteit-{n}",
                start=start,
                end=start + timedelta(hours=2),
                location="Dorpshuis",
            ),
        )
        notice = WorkNoticePage(
            title=f"{prefix} werk {n}",
            slug=f"{prefix}-werk-{n}",
            summary="Werk.",
            location_text="Dorpsstraat",
            impact="road_closed",
            start_date=today,
            end_date=today + timedelta(days=7),
        )
        notice.kernen = [kern]
        publish(notices, notice)
        ActionPointPageFactory(
            parent=kernagenda,
            kern=kern,
            title=f"{prefix} punt {n}",
            slug=f"{prefix}-punt-{n}",
            summary="Samenvatting.",
            theme=theme,
        )


@pytest.mark.parametrize("url", list(FEED_QUERIES))
def test_feed_queries_do_not_grow(client, municipality, beesd, count_queries, url):
    add_content(municipality, beesd, 1, "een")
    response, few = count_queries(client, url)
    assert response.status_code == 200
    add_content(municipality, beesd, 9, "veel")
    response, many = count_queries(client, url)
    assert response.status_code == 200
    assert "veel" in response.content.decode()
    assert few == many
    assert many == FEED_QUERIES[url]
