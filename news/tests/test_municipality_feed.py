"""The municipality-wide news feed (/nieuws/rss/, /nieuws/atom/): the newest news of every kern
and of the municipality, public pages only, at most MUNICIPALITY_FEED_ITEMS, in a fixed number
of queries."""

from datetime import timedelta

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from news.constants import MUNICIPALITY_FEED_ITEMS
from news.factories import NewsPageFactory
from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db

#: SQL queries for the feed, pinned: the same with 2 items and with 40. A route of the news
#: page, it is served as Wagtail serves the page (site, routing, the page's specific row: 4;
#: the home page's own row is not needed, home.views.route; no view restriction can apply,
#: home.queries.restriction_reach) plus one query for the items with their kern.
MUNICIPALITY_FEED_QUERIES = 5


def test_the_feed_holds_the_news_of_every_kern_and_the_municipality(
    client, municipality, beesd, heukelum, make_news, today
):
    make_news(beesd, "Nieuw bankje in Beesd", today - timedelta(days=2))
    make_news(heukelum, "Kasteelfeest Heukelum", today)
    make_news(municipality, "Nieuwe afvalkalender", today - timedelta(days=1))
    private = make_news(beesd, "Alleen voor het bestuur", today)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = make_news(heukelum, "Nog niet af", today)
    draft.unpublish()

    for feed in ("rss", "atom"):
        response = client.get(f"/nieuws/{feed}/")
        parsed = feedparser.parse(response.content)

        assert response.status_code == 200
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert [entry.title for entry in parsed.entries] == [
            "Kasteelfeest Heukelum",
            "Nieuwe afvalkalender",
            "Nieuw bankje in Beesd",
        ]
        assert parsed.entries[0].link == "http://testserver/heukelum/nieuws/kasteelfeest-heukelum/"
        assert [tag.term for tag in parsed.entries[0].tags] == ["Heukelum"]
        assert parsed.feed.title == "Nieuws uit West Betuwe en de kernen"
        assert parsed.feed.link == "http://testserver/nieuws/"


def test_the_news_overview_links_its_feed(client, municipality):
    html = client.get("/nieuws/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/nieuws/rss/"' in html and 'href="/nieuws/atom/"' in html


def test_the_feed_is_bounded_and_its_queries_do_not_grow(
    client, municipality, beesd, heukelum, count_queries, today
):
    def add(kern, number, prefix):
        index = NewsIndexPage.objects.child_of(kern).get()
        for n in range(number):
            NewsPageFactory(
                parent=index, title=f"{prefix} {n}", slug=f"{prefix}-{n}", date=today, intro="Kort."
            )

    add(beesd, 1, "een")
    add(heukelum, 1, "ander")
    response, few = count_queries(client, "/nieuws/rss/")
    assert len(feedparser.parse(response.content).entries) == 2

    add(beesd, 20, "veel")
    add(heukelum, 20, "meer")
    response, many = count_queries(client, "/nieuws/rss/")
    assert len(feedparser.parse(response.content).entries) == MUNICIPALITY_FEED_ITEMS
    assert few == many == MUNICIPALITY_FEED_QUERIES
