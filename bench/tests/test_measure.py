"""The in-process measurements and the editors of the load test, on a tiny generated site."""

import random

from django.test import Client

from wagtail.models import Page

import pytest

from bench.editors import publish_one
from bench.generate import generate_site
from bench.measure import PUBLISH_SLUG, measure_site, page_urls, profile_url, publish_cost
from home.locales import ensure_languages
from news.models import NewsPage, WorkNoticePage


@pytest.fixture
def site(db, settings):
    settings.ROOT_URLCONF = "bench.urls"
    settings.PAGE_CACHE_SECONDS = 0  # the runner measures rendering with the page cache off
    generate_site(kernen=2, pages_per_kern=20, seed=2)


def test_every_page_type_is_measured(site):
    result = measure_site(warmup=1, samples=3)
    assert set(result["pages"]) == set(page_urls())
    assert len(result["pages"]) == 13
    for key, page in result["pages"].items():
        assert page["status"] == 200, key
        assert page["bytes"] > 0 and page["render_p50_ms"] > 0, key
        assert 0 < page["queries"] <= 15, key
    assert result["ceiling"]["queries"] == 0
    assert result["ceiling"]["bytes"] == 2
    publish = result["publish"]
    assert publish["kernen"] == 2 and publish["p50_ms"] > 0 and publish["queries"] > 0
    # The notices published to measure are gone again.
    assert not WorkNoticePage.objects.filter(title__startswith="Afsluiting benchmark").exists()


def test_publishing_to_measure_leaves_no_copies_in_other_languages(site, settings):
    settings.PROVISION_LANGUAGES = True
    ensure_languages()
    pages = Page.objects.count()
    # What an interrupted run left behind goes too.
    notice = WorkNoticePage.objects.live().first()
    leftover = notice.copy(update_attrs={"slug": f"{PUBLISH_SLUG}oud", "title": "Oud"})
    leftover.save_revision().publish()
    assert Page.objects.filter(translation_key=leftover.translation_key).count() == 3

    result = publish_cost(repeats=2)

    assert result["queries"] > 0
    assert Page.objects.count() == pages
    assert not Page.objects.filter(slug__startswith=PUBLISH_SLUG).exists()


def test_an_editor_publishes_news_and_notices(site, client):
    rng = random.Random(1)  # noqa: S311 (test data)
    news = Page.objects.get(pk=publish_one(rng, 0)).specific
    notice = Page.objects.get(pk=publish_one(rng, 1)).specific
    assert isinstance(news, NewsPage) and isinstance(notice, WorkNoticePage)
    assert news.live and notice.live and notice.kernen.exists()
    assert client.get(news.url).status_code == 200
    assert news.title in client.get(news.get_parent().url).content.decode()


def test_a_page_type_is_profiled(site):
    text = profile_url(Client(), page_urls()["kern"], warmup=1, samples=2, top=5)
    assert "2 requests" in text and "cumulative" in text
