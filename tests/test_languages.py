"""Dutch without a prefix, English under /en/ and Polish under /pl/ (docs/i18n.md): the
language trees, the fallback to the Dutch text, the switcher, hreflang, lang attributes, and
listings, search and feeds that hold every page once whatever the language."""

import json
import re
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from agenda.factories import ActionPointPageFactory
from agenda.models import KernagendaPage
from events.models import EventIndexPage, EventPage
from home.locales import sync_language_trees, translate_page
from kernen.models import InspirationIndexPage, InspirationPage, KernPage
from news.models import (
    MunicipalityNewsIndexPage,
    NewsIndexPage,
    NewsPage,
    WorkNoticeIndexPage,
    WorkNoticePage,
)

pytestmark = pytest.mark.django_db


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def world(languages, beesd, heukelum):
    """Dutch content of every kind in Beesd and the municipality, with its /en/ and /pl/
    counterparts; the Beesd news item is translated into English."""
    home = languages
    today = timezone.localdate()
    news = publish(
        NewsIndexPage.objects.child_of(beesd).get(),
        NewsPage(title="Speeltuin Beesd open", date=today, intro="De speeltuin is open."),
    )
    publish(
        MunicipalityNewsIndexPage.objects.child_of(home).get(),
        NewsPage(title="Raadsbericht Westbetuwe", date=today, intro="Nieuws van de raad."),
    )
    notice = WorkNoticePage(
        title="Riolering Dorpsstraat",
        summary="Nieuwe riolering.",
        location_text="Dorpsstraat",
        impact="road_closed",
        start_date=today,
        end_date=today + timedelta(days=7),
    )
    notice.kernen = [beesd]
    publish(WorkNoticeIndexPage.objects.child_of(home).get(), notice)
    start = timezone.now().replace(microsecond=0) + timedelta(days=2)
    publish(
        EventIndexPage.objects.child_of(beesd).get(),
        EventPage(
            title="Burendag Beesd",
            slug="burendag",
            start=start,
            end=start + timedelta(hours=2),
            location="Dorpshuis Beesd",
        ),
    )
    publish(
        InspirationIndexPage.objects.child_of(beesd).get(),
        InspirationPage(
            title="Moestuin aan de Linge",
            date=today,
            intro="Samen tuinieren.",
            body="<p>Wat we deden.</p>",
        ),
    )
    # Added the fast way (no publish), as the demo and imports do; the sync brings it over.
    ActionPointPageFactory(
        parent=KernagendaPage.objects.child_of(beesd).get(),
        kern=beesd,
        title="Bankje bij de kerk",
        slug="bankje",
        summary="Een bankje.",
        status="idee",
    )
    sync_language_trees()
    translate_page(
        news,
        "en",
        {"Speeltuin Beesd open": "Beesd playground open", "De speeltuin is open.": "It is open."},
    )
    return home


def html_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


# The trees -------------------------------------------------------------------------------


def test_every_language_has_the_home_page_kernen_and_sections(client, languages, beesd):
    for url, lang in [
        ("/", "nl"),
        ("/en/", "en"),
        ("/pl/", "pl"),
        ("/en/beesd/", "en"),
        ("/pl/beesd/", "pl"),
        ("/pl/beesd/nieuws/", "pl"),
        ("/en/nieuws/", "en"),
        ("/en/zoeken/?q=beesd", "en"),
        ("/pl/blijf-op-de-hoogte/", "pl"),
    ]:
        assert f'<html lang="{lang}">' in html_of(client, url), url


def test_provisioning_a_new_kern_creates_it_in_every_tree(client, languages, make_kern):
    kern = make_kern("Tricht")

    copies = KernPage.objects.filter(translation_key=kern.translation_key)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == ["en", "nl", "pl"]
    for prefix in ("", "/en", "/pl"):
        assert client.get(f"{prefix}/tricht/nieuws/").status_code == 200
        assert client.get(f"{prefix}/tricht/activiteiten/").status_code == 200
    # Its editors may edit and translate its pages in every tree.
    en_kern = copies.get(locale__language_code="en")
    assert kern.editors_group.page_permissions.filter(page=en_kern).exists()
    assert kern.editors_group.permissions.filter(codename="submit_translation").exists()


def test_unprefixed_pages_stay_dutch_for_an_english_browser(client, languages, beesd):
    html = html_of(client, "/beesd/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="nl">' in html
    assert "Naar de inhoud" in html
    assert "translation-notice" not in html


def test_the_ui_is_in_the_language_of_the_prefix(client, languages, beesd):
    assert "Skip to content" in html_of(client, "/en/beesd/")
    assert "Przejdź do treści" in html_of(client, "/pl/beesd/")


def test_private_board_area_stays_private_in_every_language(client, languages, beesd):
    for prefix in ("", "/en", "/pl"):
        response = client.get(f"{prefix}/beesd/bestuur/")
        assert response.status_code == 302
        assert "/inloggen/" in response["Location"]


# Fallback, switcher, hreflang ---------------------------------------------------------------


def test_untranslated_page_shows_the_dutch_text_with_a_notice(client, world):
    html = html_of(client, "/en/beesd/activiteiten/burendag/")

    assert '<html lang="en">' in html
    assert "This page has not been translated yet" in html
    assert '<div class="main-content" lang="nl">' in html
    assert "Burendag Beesd" in html
    pl = html_of(client, "/pl/beesd/activiteiten/burendag/")
    assert "Ta strona nie została jeszcze przetłumaczona" in pl


def test_translated_page_shows_its_translation_without_notice(client, world):
    html = html_of(client, "/en/beesd/nieuws/speeltuin-beesd-open/")

    assert "Beesd playground open" in html
    assert "translation-notice" not in html
    assert '<div class="main-content">' in html


def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', nav)), nav


def test_switcher_keeps_you_on_the_same_page(client, world):
    links, nav = switcher(html_of(client, "/beesd/nieuws/speeltuin-beesd-open/"))

    assert links == {
        "/beesd/nieuws/speeltuin-beesd-open/": "nl",
        "/en/beesd/nieuws/speeltuin-beesd-open/": "en",
        "/pl/beesd/nieuws/speeltuin-beesd-open/": "pl",
    }
    assert 'aria-label="Taal"' in nav
    assert 'hreflang="nl" lang="nl" aria-current="true">Nederlands' in nav
    assert nav.count("aria-current") == 1
    _links, en_nav = switcher(html_of(client, "/en/beesd/"))
    assert 'hreflang="en" lang="en" aria-current="true">English' in en_nav


def test_switcher_leads_to_the_home_page_where_the_page_has_no_counterpart(client, world):
    links, _nav = switcher(html_of(client, "/inloggen/"))

    assert set(links) == {"/inloggen/", "/en/", "/pl/"}
    search_links, _nav = switcher(html_of(client, "/zoeken/?q=beesd"))
    assert "/en/zoeken/?q=beesd" in search_links


def test_hreflang_lists_the_real_translations_only(client, world):
    html = html_of(client, "/beesd/nieuws/speeltuin-beesd-open/")

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))
    assert alternates == {
        "nl": "http://localhost/beesd/nieuws/speeltuin-beesd-open/",
        "en": "http://localhost/en/beesd/nieuws/speeltuin-beesd-open/",
    }
    assert (
        'hreflang="nl"' not in html_of(client, "/beesd/activiteiten/burendag/").split("</head>")[0]
    )


# No doubles, nothing missing ----------------------------------------------------------------

TITLES = {
    "/nieuws/": ["speeltuin-beesd-open/", "Raadsbericht Westbetuwe"],
    "/werkzaamheden/": ["Riolering Dorpsstraat"],
    "/activiteiten/": ["Burendag Beesd"],
    "/inspiratie/": ["Moestuin aan de Linge"],
    "/kernagendas/": ["Bankje bij de kerk"],
    "/": ["speeltuin-beesd-open/", "Raadsbericht Westbetuwe", ">Beesd<", ">Heukelum<"],
    "/beesd/": [
        "speeltuin-beesd-open/",
        "Riolering Dorpsstraat",
        "Burendag Beesd",
        "Moestuin aan de Linge",
    ],
    "/beesd/kernagenda/": ["Bankje bij de kerk"],
    "/beesd/nieuws/": ["speeltuin-beesd-open/"],
    "/zoeken/?q=burendag": ["activiteiten/burendag/"],
}


def test_listings_hold_every_page_once_in_every_language(client, world):
    for url, titles in TITLES.items():
        dutch = html_of(client, url)
        for prefix in ("/en", "/pl"):
            translated = html_of(client, prefix + url)
            for title in titles:
                assert dutch.count(title) >= 1, (url, title)
                assert translated.count(title) == dutch.count(title), (prefix + url, title)


def test_feeds_open_data_api_and_sitemap_hold_every_page_once(client, world):
    for url, title in [
        ("/beesd/rss/", "Speeltuin Beesd open"),
        ("/beesd/atom/", "Speeltuin Beesd open"),
        ("/beesd/agenda.ics", "Burendag Beesd"),
        ("/activiteiten/agenda.ics", "Burendag Beesd"),
        ("/beesd/werkzaamheden.ics", "Riolering Dorpsstraat"),
        ("/kernagendas/actiepunten.csv", "Bankje bij de kerk"),
        ("/kernagendas/actiepunten.json", "Bankje bij de kerk"),
    ]:
        assert html_of(client, url).count(title) == 1, url

    api = json.loads(html_of(client, "/api/v2/pages/?type=news.NewsPage&limit=20"))
    assert sorted(item["title"] for item in api["items"]) == [
        "Raadsbericht Westbetuwe",
        "Speeltuin Beesd open",
    ]
    english = json.loads(html_of(client, "/api/v2/pages/?type=news.NewsPage&locale=en"))
    assert "Beesd playground open" in [item["title"] for item in english["items"]]

    sitemap = html_of(client, "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) == len(set(locations))
    assert "http://localhost/beesd/nieuws/speeltuin-beesd-open/" in locations
    assert "http://localhost/en/beesd/nieuws/speeltuin-beesd-open/" in locations
    assert "http://localhost/en/beesd/activiteiten/burendag/" not in locations  # untranslated


def test_every_dutch_page_has_one_counterpart_per_language(world):
    dutch = Page.objects.filter(locale__language_code="nl", depth__gt=1)
    for code in ("en", "pl"):
        locale = Locale.objects.get(language_code=code)
        keys = list(Page.objects.filter(locale=locale).values_list("translation_key", flat=True))
        assert len(keys) == len(set(keys))
        assert set(dutch.values_list("translation_key", flat=True)) == set(keys)


def test_kern_editors_translate_their_own_kern_only(client, languages, beesd, heukelum, make_user):
    editor = make_user("redactie-beesd", beesd.editors_group)
    client.force_login(editor)
    own = NewsIndexPage.objects.child_of(beesd).get()
    own_english = own.get_translation(Locale.objects.get(language_code="en"))
    other_english = (
        NewsIndexPage.objects.child_of(heukelum)
        .get()
        .get_translation(Locale.objects.get(language_code="en"))
    )

    submit = client.get(f"/admin/localize/submit/page/{own.pk}/")
    assert submit.status_code == 200
    assert client.get(f"/admin/pages/{own_english.pk}/edit/").status_code == 200
    refused = client.get(f"/admin/pages/{other_english.pk}/edit/")
    assert refused.status_code in (302, 403)


def test_a_moderated_kern_is_moderated_in_every_language(
    languages, municipality, heukelum, make_user
):
    from kernen.provisioning import provision_kern

    editor = make_user("redactie-heukelum", heukelum.editors_group)
    english = heukelum.get_translation(Locale.objects.get(language_code="en"))
    assert english.permissions_for_user(editor).can_publish()

    heukelum.moderation_enabled = True
    heukelum.save_revision().publish()
    provision_kern(municipality, "Heukelum")  # provisioning again keeps it moderated

    editor = type(editor).objects.get(pk=editor.pk)  # Wagtail caches permissions per object
    for page in KernPage.objects.filter(translation_key=heukelum.translation_key):
        assert not page.permissions_for_user(editor).can_publish(), page.locale
        assert page.get_workflow() is not None, page.locale


def test_an_untranslated_notice_names_its_kernen_in_the_visitors_language(client, world):
    assert '<a href="/beesd/">Beesd</a>' in html_of(client, "/werkzaamheden/riolering-dorpsstraat/")
    english = html_of(client, "/en/werkzaamheden/riolering-dorpsstraat/")
    assert '<a href="/en/beesd/">Beesd</a>' in english
    assert "Riolering Dorpsstraat" in english


def test_listed_items_carry_the_language_of_their_text(client, world):
    kern_news = html_of(client, "/en/beesd/nieuws/")
    assert '<li class="news-card" lang="en">' in kern_news  # translated
    all_news = html_of(client, "/pl/nieuws/")
    assert '<li class="news-card" lang="nl">' in all_news  # untranslated: Dutch text
    assert '<li class="news-card">' in html_of(client, "/nieuws/")


# Cost ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/beesd/",
        "/beesd/nieuws/",
        "/beesd/nieuws/speeltuin-beesd-open/",
        "/beesd/activiteiten/burendag/",
        "/beesd/kernagenda/bankje/",
        "/werkzaamheden/",
    ],
)
def test_english_and_polish_pages_cost_what_the_dutch_page_costs(
    client, world, count_queries, path
):
    """The language trees are aliases and translations of the Dutch pages; serving one may
    take one query more than the Dutch page (finding the home page of its language)."""
    dutch, dutch_queries = count_queries(client, path)
    assert dutch.status_code == 200
    for prefix in ("/en", "/pl"):
        response, queries = count_queries(client, prefix + path)
        assert response.status_code == 200, prefix + path
        assert queries <= dutch_queries + 1, (prefix + path, queries, dutch_queries)
        assert queries <= 15, (prefix + path, queries)


def test_a_new_page_and_its_aliases_queue_reference_updates_for_rows_that_exist(
    languages, beesd, monkeypatch
):
    """Wagtail queues a reference index update for every saved row, the photos of a story
    included. The aliases of a new page are made once, so no photo row is made and replaced
    within the same publication: a worker never looks for a row that is gone
    (``InspirationGalleryImage.DoesNotExist``)."""
    from wagtail import signal_handlers

    from kernen.factories import InspirationPageFactory
    from kernen.models import InspirationGalleryImage

    queued = []

    class Recorder:
        @staticmethod
        def enqueue(app_label, model_name, pk):
            queued.append((model_name, pk))

    monkeypatch.setattr(signal_handlers, "update_reference_index_task", Recorder)
    story = InspirationPageFactory(
        parent=InspirationIndexPage.objects.child_of(beesd).get(),
        title="Verhaal met foto's",
        photos=2,
        photo_collection=beesd.collection,
    )

    photos = [pk for model_name, pk in queued if model_name == "inspirationgalleryimage"]
    assert InspirationGalleryImage.objects.filter(page__alias_of=story).count() == 4
    assert len(set(photos)) == 6  # two of the Dutch page, two of each alias
    assert InspirationGalleryImage.objects.filter(pk__in=photos).count() == 6
