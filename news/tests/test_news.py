"""News of a kern and of the municipality: pages, listings, panels, permissions, queries."""

from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from news.models import MunicipalityNewsIndexPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

#: SQL queries per request, pinned (content-independent).
NEWS_INDEX_QUERIES = 9
MUNICIPALITY_NEWS_INDEX_QUERIES = 7
NEWS_PAGE_QUERIES = 10


def test_every_kern_gets_a_news_index_and_the_municipality_one(municipality, beesd):
    assert NewsIndexPage.objects.child_of(beesd).get().url == "/beesd/nieuws/"
    assert MunicipalityNewsIndexPage.objects.child_of(municipality).get().url == "/nieuws/"


def test_news_index_lists_newest_first_and_links_the_feeds(client, beesd, make_news, today):
    make_news(beesd, "Oud nieuws", today - timedelta(days=9))
    make_news(beesd, "Vers nieuws", today)
    make_news(beesd, "Middel nieuws", today - timedelta(days=3))

    response = client.get("/beesd/nieuws/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Vers nieuws") < html.index("Middel nieuws") < html.index("Oud nieuws")
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="http://testserver/beesd/rss/"' in html
    assert 'href="http://testserver/beesd/atom/"' in html


def test_news_index_paginates_and_a_page_past_the_end_is_a_404(client, beesd, make_news, today):
    for number in range(12):
        make_news(beesd, f"Bericht {number:02d}", today - timedelta(days=number))

    first = client.get("/beesd/nieuws/").content.decode()
    second = client.get("/beesd/nieuws/?page=2")

    assert "Pagina 1 van 2" in first
    assert "Bericht 00" in first and "Bericht 11" not in first
    assert second.status_code == 200 and "Bericht 11" in second.content.decode()
    assert client.get("/beesd/nieuws/?page=3").status_code == 404
    assert client.get("/beesd/nieuws/?page=abc").status_code == 404
    assert "Pagina niet gevonden" in client.get("/beesd/nieuws/?page=99").content.decode()


def test_a_news_index_counts_a_bounded_number_of_pages_and_says_so_on_the_last(
    client, monkeypatch, beesd, make_news, today
):
    monkeypatch.setattr("news.models.news.LISTING_MAX_PAGES", 2)
    for number in range(21):
        make_news(beesd, f"Bericht {number:02d}", today - timedelta(days=number))

    first = client.get("/beesd/nieuws/").content.decode()
    last = client.get("/beesd/nieuws/?pagina=2").content.decode()

    assert "Pagina 1 van de eerste 2" in first and "Deze lijst stopt" not in first
    assert "Bericht 19" in last and "Bericht 20" not in last
    assert "Deze lijst stopt na de eerste 20. Kies een kern of zoek" in last
    assert client.get("/beesd/nieuws/?pagina=3").status_code == 404
    monkeypatch.setattr("news.models.news.LISTING_MAX_PAGES", 3)
    cache.clear()
    exact = client.get("/beesd/nieuws/?pagina=3").content.decode()
    assert "Pagina 3 van 3" in exact and "Bericht 20" in exact and "Deze lijst" not in exact


def test_the_pager_is_called_pagina_and_old_page_links_still_work(client, beesd, make_news, today):
    for number in range(12):
        make_news(beesd, f"Bericht {number:02d}", today - timedelta(days=number))

    first = client.get("/beesd/nieuws/").content.decode()
    second = client.get("/beesd/nieuws/?pagina=2").content.decode()
    old = client.get("/beesd/nieuws/?page=2").content.decode()

    assert 'href="?pagina=2" rel="next"' in first
    assert "Bericht 11" in second and "Bericht 00" not in second
    assert 'href="?pagina=1" rel="prev"' in second
    assert "Bericht 11" in old and "Bericht 00" not in old
    assert client.get("/beesd/nieuws/?pagina=3").status_code == 404
    assert "Pagina niet gevonden" in client.get("/beesd/nieuws/?pagina=twee").content.decode()


def test_kern_news_index_shows_only_its_own_kern(client, beesd, heukelum, make_news, today):
    make_news(beesd, "Beesd viert feest", today)
    make_news(heukelum, "Heukelum krijgt bankjes", today)

    html = client.get("/beesd/nieuws/").content.decode()

    assert "Beesd viert feest" in html
    assert "Heukelum krijgt bankjes" not in html


def test_municipality_news_lists_all_kernen_and_its_own(
    client, municipality, beesd, heukelum, make_news, today
):
    make_news(beesd, "Beesd viert feest", today - timedelta(days=1))
    make_news(heukelum, "Heukelum krijgt bankjes", today - timedelta(days=2))
    make_news(municipality, "Gemeente opent portaal", today)

    response = client.get("/nieuws/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        html.index("Gemeente opent portaal")
        < html.index("Beesd viert feest")
        < html.index("Heukelum krijgt bankjes")
    )
    assert "· Beesd" in html and "· Heukelum" in html


def test_news_page_renders_every_block_and_its_image_with_alt_text(client, beesd, make_news, today):
    image = ImageFactory(collection=beesd.collection)
    document = DocumentFactory(title="Verslag dorpsavond", collection=beesd.collection)
    page = make_news(
        beesd,
        "Dorpsavond",
        today,
        intro="Tachtig mensen praatten mee.",
        image=image,
        image_alt="Volle zaal in het dorpshuis",
        tags=["dorpsavond", "verkeer"],
        body=[
            ("paragraph", "<p>Het ging vooral over <b>verkeer</b>.</p>"),
            ("image", {"image": image, "alt_text": "De Markt in de zon", "caption": "De Markt"}),
            ("quote", {"quote": "Goed dat we praten.", "attribution": "Een bewoner"}),
            (
                "link_list",
                {
                    "heading": "Meer",
                    "links": [{"title": "Gemeente", "url": "https://westbetuwe.nl/", "page": None}],
                },
            ),  # noqa: E501
            ("document", {"document": document, "title": ""}),
        ],
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Dorpsavond</h1>" in html
    assert 'alt="Volle zaal in het dorpshuis"' in html
    assert 'alt="De Markt in de zon"' in html
    assert "<b>verkeer</b>" in html
    assert "Goed dat we praten." in html and "Een bewoner" in html
    assert 'href="https://westbetuwe.nl/">Gemeente</a>' in html
    assert "Verslag dorpsavond" in html
    assert "dorpsavond" in html and "verkeer" in html
    assert 'href="http://testserver/beesd/rss/"' in html


def test_an_image_needs_alternative_text(beesd, today):
    page = NewsPage(
        title="Zonder alt", slug="zonder-alt", date=today, intro="x", image=ImageFactory()
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "image_alt" in error.value.message_dict


def test_drafts_and_restricted_news_stay_out_of_listings_and_feeds(client, beesd, make_news, today):
    draft = make_news(beesd, "Conceptbericht", today)
    draft.unpublish()
    private = make_news(beesd, "Alleen bestuur", today)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_news(beesd, "Openbaar bericht", today)

    for url in ("/beesd/", "/beesd/nieuws/", "/nieuws/", "/", "/beesd/rss/"):
        html = client.get(url).content.decode()
        assert "Openbaar bericht" in html, url
        assert "Conceptbericht" not in html, url
        assert "Alleen bestuur" not in html, url


def test_kern_page_shows_its_three_newest_items(client, beesd, heukelum, make_news, today):
    for number in range(5):
        make_news(beesd, f"Beesd bericht {number}", today - timedelta(days=number))
    make_news(heukelum, "Heukelum bericht", today + timedelta(days=1))

    html = client.get("/beesd/").content.decode()

    assert [f"Beesd bericht {n}" in html for n in range(5)] == [True, True, True, False, False]
    assert "Heukelum bericht" not in html
    assert html.index("Beesd bericht 0") < html.index("Beesd bericht 2")
    assert 'href="http://testserver/beesd/rss/"' in html


def test_home_page_shows_the_newest_across_all_kernen(
    client, municipality, beesd, heukelum, make_news, today
):
    make_news(beesd, "Beesd bericht", today - timedelta(days=1))
    make_news(heukelum, "Heukelum bericht", today)

    html = client.get("/").content.decode()

    assert html.index("Heukelum bericht") < html.index("Beesd bericht")
    assert 'href="/heukelum/">Heukelum</a>' in html


# Permissions: kern editors create news in their own kern only.


def test_beesd_editor_may_add_news_under_beesd_only(beesd, heukelum, beesd_editor):
    own = NewsIndexPage.objects.child_of(beesd).get()
    other = NewsIndexPage.objects.child_of(heukelum).get()

    assert own.permissions_for_user(beesd_editor).can_add_subpage()
    assert own.permissions_for_user(beesd_editor).can_publish_subpage()
    assert not other.permissions_for_user(beesd_editor).can_add_subpage()


def news_form(title, date):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": date.isoformat(),
            "intro": "Een kort bericht.",
            "image_alt": "",
            "body": streamfield([]),
            "tags": "dorp",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_beesd_editor_publishes_news_in_beesd_through_the_admin(
    client, beesd, heukelum, beesd_editor, today
):
    own = NewsIndexPage.objects.child_of(beesd).get()
    other = NewsIndexPage.objects.child_of(heukelum).get()
    client.force_login(beesd_editor)

    allowed = client.post(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", own.pk]),
        news_form("Nieuw in Beesd", today),
    )
    refused = client.post(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", other.pk]),
        news_form("Ingebroken in Heukelum", today),
    )

    assert allowed.status_code == 302
    assert NewsPage.objects.child_of(own).get().live
    assert refused.status_code in (302, 403)
    assert not NewsPage.objects.filter(title="Ingebroken in Heukelum").exists()


def test_a_new_news_item_has_todays_date_filled_in(client, beesd, beesd_editor):
    index = NewsIndexPage.objects.child_of(beesd).get()
    client.force_login(beesd_editor)

    response = client.get(reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]))

    assert response.status_code == 200
    date_field = response.context["form"]["date"]
    assert date_field.value() == timezone.localdate()
    assert timezone.localdate().strftime("%Y-%m-%d") in str(date_field)


# Query counts: content-independent and pinned.


def add_news(where, make_news, today, count, prefix):
    image = ImageFactory()
    for number in range(count):
        make_news(
            where,
            f"{prefix} {number}",
            today - timedelta(days=number),
            image=image if number % 2 else None,
            image_alt="Een tekening" if number % 2 else "",
            tags=["a", f"tag{number}"],
        )


@pytest.mark.parametrize(
    ("url", "where", "pinned"),
    [
        ("/beesd/nieuws/", "beesd", NEWS_INDEX_QUERIES),
        ("/nieuws/", "municipality", MUNICIPALITY_NEWS_INDEX_QUERIES),
    ],
)
def test_news_index_queries_do_not_grow(
    client, municipality, beesd, make_news, today, count_queries, url, where, pinned
):
    target = beesd if where == "beesd" else municipality
    add_news(target, make_news, today, 2, "Weinig")
    _response, few = count_queries(client, url)
    add_news(target, make_news, today, 8, "Veel")
    response, many = count_queries(client, url)

    assert response.content.decode().count('class="news-card"') == 10
    assert few == many
    assert many == pinned


def test_news_page_queries_do_not_grow(client, beesd, make_news, today, count_queries):
    image = ImageFactory()

    def item(title, blocks):
        return make_news(
            beesd,
            title,
            today,
            image=image,
            image_alt="Tekening",
            tags=[f"t{n}" for n in range(blocks)],
            body=[("paragraph", f"<p>Alinea {n}</p>") for n in range(blocks)]
            + [("quote", {"quote": f"Citaat {n}", "attribution": ""}) for n in range(blocks)],
        )

    _response, few = count_queries(client, item("Kort", 1).url)
    response, many = count_queries(client, item("Lang", 10).url)

    assert response.status_code == 200
    assert few == many
    assert many == NEWS_PAGE_QUERIES
