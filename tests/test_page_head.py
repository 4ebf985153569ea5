"""What every page carries besides its content: a meta description (the page's own, else
its introduction or summary, else the portal's in the visitor's language), a favicon, and the
portal's own 404 and 500 pages in the visitor's language, also with DEBUG off."""

import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory

import pytest

from home.views import server_error
from news.factories import NewsPageFactory, WorkNoticePageFactory
from news.models import NewsIndexPage, WorkNoticeIndexPage

pytestmark = pytest.mark.django_db


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return found[0]


def test_every_page_describes_itself(client, municipality, beesd):
    news = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(beesd).get(),
        title="Nieuwe bankjes",
        intro="Langs de Linge staan vijf nieuwe bankjes.",
    )
    notice = WorkNoticePageFactory(
        parent=WorkNoticeIndexPage.objects.child_of(municipality).get(),
        title="Dorpsstraat dicht",
        summary="De Dorpsstraat krijgt nieuwe riolering.",
        kernen=[beesd],
    )
    beesd.intro = "Beesd ligt aan de <Linge>."
    beesd.search_description = ""
    beesd.save()

    assert description(client.get(news.url).content.decode()) == (
        "Langs de Linge staan vijf nieuwe bankjes."
    )
    assert description(client.get(notice.url).content.decode()) == (
        "De Dorpsstraat krijgt nieuwe riolering."
    )
    assert description(client.get(beesd.url).content.decode()) == "Beesd ligt aan de &lt;Linge&gt;."

    # The editor's own search description comes first; a long text is cut at 160 characters.
    news.search_description = "Vijf bankjes om uit te rusten."
    news.intro = "Lang " * 100
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert description(html) == "Vijf bankjes om uit te rusten."
    notice.summary = "Heel lang " * 40
    notice.save_revision().publish()
    assert len(description(client.get(notice.url).content.decode())) <= 160


def test_a_page_without_text_of_its_own_has_the_portals_description(client, municipality):
    assert description(client.get("/zoeken/?q=linge").content.decode()) == (
        "Nieuws, activiteiten, werkzaamheden en kernagenda&#x27;s van de kernen van West Betuwe."
    )
    assert description(client.get("/en/zoeken/?q=linge").content.decode()) == (
        "News, activities, work notices and kernagendas of the kernen of West Betuwe."
    )
    assert description(client.get("/pl/zoeken/?q=linge").content.decode()) == (
        "Wiadomości, wydarzenia, komunikaty o pracach i agendy miejscowości gminy West Betuwe."
    )
    assert description(client.get("/inloggen/").content.decode())


def test_every_page_links_a_favicon_that_exists(client, municipality):
    html = client.get("/").content.decode()
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', html)
    assert len(icons) == 3
    for url in icons:
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url
    # Browsers ask for /favicon.ico by themselves.
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == f"{settings.STATIC_URL}favicon.ico"
    assert finders.find("favicon.ico")


@pytest.mark.parametrize(
    ("prefix", "lang", "heading"),
    [
        ("", "nl", "Pagina niet gevonden"),
        ("/en", "en", "Page not found"),
        ("/pl", "pl", "Nie znaleziono strony"),
    ],
)
def test_not_found_is_the_portals_own_page_in_the_visitors_language(
    client, settings, municipality, prefix, lang, heading
):
    settings.DEBUG = False
    response = client.get(f"{prefix}/bestaat-niet/")

    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html and 'role="search"' in html  # the portal's own page
    assert f'href="{prefix}/"' in html
    assert f"<h1>{heading}</h1>" in html


@pytest.mark.parametrize(
    ("prefix", "lang", "heading"),
    [
        ("", "nl", "Er ging iets mis"),
        ("/en", "en", "Something went wrong"),
        ("/pl", "pl", "Coś poszło nie tak"),
    ],
)
def test_a_server_error_is_the_portals_own_page_in_the_visitors_language(
    settings, municipality, prefix, lang, heading
):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.error_urls"
    response = Client(raise_request_exception=False).get(f"{prefix}/fout/")

    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert f'href="{prefix}/"' in html
    assert f"<h1>{heading}</h1>" in html


def test_the_server_error_page_needs_no_database():
    """No `db` fixture: any query would fail this test. The request has no session, user or
    language yet, as when the error came from a middleware."""
    response = server_error(RequestFactory().get("/pl/beesd/"))

    assert response.status_code == 500
    assert '<html lang="pl">' in response.content.decode()
