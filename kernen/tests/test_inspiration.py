"""Inspiration: stories per kern, the cross-kern overview and the latest story on a kern page."""

import datetime

from django.urls import reverse

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset

import pytest

from home.models import HomePage
from kernen.models import (
    AreaBroker,
    InspirationIndexPage,
    InspirationOverviewPage,
    InspirationPage,
    KernPage,
)
from kernen.tests.conftest import story_form_data

pytestmark = pytest.mark.django_db

#: SQL queries per request, pinned; the same with 1 or 15 stories.
INDEX_PAGE_QUERIES = 8
STORY_PAGE_QUERIES = 10
OVERVIEW_PAGE_QUERIES = 8


class InspirationTreeTest(WagtailPageTestCase):
    def test_stories_live_in_the_inspiration_section_of_a_kern(self):
        self.assertAllowedParentPageTypes(InspirationIndexPage, {KernPage})
        self.assertAllowedSubpageTypes(InspirationIndexPage, {InspirationPage})
        self.assertAllowedParentPageTypes(InspirationPage, {InspirationIndexPage})
        self.assertAllowedSubpageTypes(InspirationPage, set())
        self.assertAllowedParentPageTypes(InspirationOverviewPage, {HomePage})
        self.assertCanNotCreateAt(Page, InspirationOverviewPage)


def test_provisioning_adds_the_sections(municipality, beesd, client):
    assert InspirationIndexPage.objects.child_of(beesd).get().url == "/beesd/inspiratie/"
    overview = InspirationOverviewPage.objects.child_of(municipality).get()
    assert overview.url == "/inspiratie/"
    assert overview.show_in_menus
    assert '<a href="/inspiratie/">Inspiratie</a>' in client.get("/").content.decode()


def test_story_shows_what_how_cost_contact_photos_and_themes(client, beesd, make_story):
    make_story(
        beesd,
        "Moestuin bij de school",
        ["groen", "jeugd"],
        approach="<p>Samen met de buren.</p>",
        cost="€ 1.200 uit het leefbaarheidsbudget",
        contact_name="Els de Boer",
        contact_email="els@example.nl",
        photos=2,
    )

    response = client.get("/beesd/inspiratie/moestuin-bij-de-school/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Moestuin bij de school</h1>" in html
    assert "Samenvatting van Moestuin bij de school." in html
    assert "Wat we deden" in html and "Hoe we het deden" in html
    assert "Samen met de buren." in html
    assert "€ 1.200 uit het leefbaarheidsbudget" in html
    assert "Els de Boer" in html and 'href="mailto:els@example.nl"' in html
    assert 'alt="Foto 1 van Moestuin bij de school"' in html
    assert 'alt="Foto 2 van Moestuin bij de school"' in html
    assert 'href="/inspiratie/?thema=groen">groen</a>' in html
    assert '<a href="/beesd/">Beesd</a>' in html  # breadcrumb


def test_similar_initiatives_come_from_other_kernen_sharing_a_theme(
    client, beesd, heukelum, make_kern, make_story
):
    asperen = make_kern("Asperen")
    make_story(beesd, "Moestuin", ["groen", "jeugd"])
    make_story(beesd, "Ander groen in Beesd", ["groen"])  # same kern: not similar
    make_story(heukelum, "Bloemrijke dijk", ["groen"])
    make_story(asperen, "Jongerenplek", ["jeugd", "groen"])  # two shared themes: first
    make_story(asperen, "Koffieochtend", ["ouderen"])  # no shared theme
    make_story(heukelum, "Concept", ["groen"], publish=False)  # draft

    html = client.get("/beesd/inspiratie/moestuin/").content.decode()
    similar = html.split("Vergelijkbare initiatieven")[1]

    assert 'Jongerenplek</a> <span class="card__meta">(Asperen)' in similar
    assert 'Bloemrijke dijk</a> <span class="card__meta">(Heukelum)' in similar
    assert similar.index("Jongerenplek") < similar.index("Bloemrijke dijk")
    for absent in ("Ander groen in Beesd", "Koffieochtend", "Concept"):
        assert absent not in similar


def test_story_without_similar_initiatives_says_so(client, beesd, make_story):
    make_story(beesd, "Alleen hier", ["uniek"])

    html = client.get("/beesd/inspiratie/alleen-hier/").content.decode()

    assert "Nog geen andere kern heeft een verhaal met deze thema's." in html


def test_kern_index_lists_its_own_stories_newest_first(client, beesd, heukelum, make_story):
    make_story(beesd, "Oud verhaal", date=datetime.date(2025, 1, 1))
    make_story(beesd, "Nieuw verhaal", date=datetime.date(2026, 1, 1))
    make_story(heukelum, "Verhaal uit Heukelum")

    response = client.get("/beesd/inspiratie/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Nieuw verhaal") < html.index("Oud verhaal")
    assert "Verhaal uit Heukelum" not in html


def test_empty_kern_index_says_so(client, beesd):
    html = client.get("/beesd/inspiratie/").content.decode()

    assert "Er zijn nog geen verhalen." in html


def test_story_contract_fields(beesd, make_story):
    story = make_story(beesd, "Contract", date=datetime.date(2026, 3, 4), intro="Kort verhaal.")

    assert story.listing_summary == "Kort verhaal."
    assert story.listing_date == datetime.date(2026, 3, 4)


@pytest.fixture
def three_kernen_of_stories(beesd, heukelum, make_kern, make_story):
    asperen = make_kern("Asperen")
    make_story(beesd, "Moestuin", ["groen", "jeugd"])
    make_story(beesd, "Bloembakken", ["verkeersveiligheid", "groen"])
    make_story(heukelum, "Koffieochtend", ["ontmoeting", "ouderen"])
    make_story(heukelum, "Bloemrijke dijk", ["groen"])
    make_story(asperen, "Jongerenplek", ["jeugd"])
    return asperen


def titles_in(response):
    html = response.content.decode()
    listing = html.split('class="card-grid"')[1] if 'class="card-grid"' in html else ""
    return {
        title
        for title in ("Moestuin", "Bloembakken", "Koffieochtend", "Bloemrijke dijk", "Jongerenplek")
        if f">{title}</a>" in listing
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Moestuin", "Bloembakken", "Koffieochtend", "Bloemrijke dijk", "Jongerenplek"}),
        ("?thema=groen", {"Moestuin", "Bloembakken", "Bloemrijke dijk"}),
        ("?thema=jeugd", {"Moestuin", "Jongerenplek"}),
        ("?kern=heukelum", {"Koffieochtend", "Bloemrijke dijk"}),
        ("?thema=groen&kern=beesd", {"Moestuin", "Bloembakken"}),
        ("?thema=ouderen&kern=beesd", set()),
        ("?thema=&kern=", {"Moestuin", "Bloembakken", "Koffieochtend", "Bloemrijke dijk",
                           "Jongerenplek"}),
    ],
)  # fmt: skip
def test_overview_filters_exactly(client, three_kernen_of_stories, query, expected):
    response = client.get(f"/inspiratie/{query}")

    assert response.status_code == 200
    assert titles_in(response) == expected


def test_overview_names_the_kern_of_each_story_and_offers_only_used_themes(
    client, three_kernen_of_stories
):
    html = client.get("/inspiratie/").content.decode()

    assert '<span class="story-card__kern">Heukelum</span>' in html
    assert '<option value="verkeersveiligheid">verkeersveiligheid</option>' in html
    assert '<option value="asperen">Asperen</option>' in html
    assert "5 verhalen" in html


@pytest.mark.parametrize("query", ["?thema=bestaat-niet", "?kern=atlantis", "?kern=%00%27"])
def test_overview_refuses_unknown_filters_with_a_dutch_message(
    client, three_kernen_of_stories, query
):
    response = client.get(f"/inspiratie/{query}")

    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies een van de mogelijkheden uit de lijst." in html
    assert len(titles_in(response)) == 5  # the stories, without the bad filter


def test_overview_keeps_private_and_draft_stories_out(client, beesd, make_story):
    make_story(beesd, "Openbaar")
    make_story(beesd, "Concept", publish=False)
    private = make_story(beesd, "Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = client.get("/inspiratie/").content.decode()

    assert ">Openbaar</a>" in html
    assert "Concept" not in html
    assert "Besloten" not in html


def test_the_old_theme_parameter_leads_to_the_same_selection(client, beesd, make_story):
    response = client.get("/inspiratie/?theme=groen&kern=beesd")

    assert response.status_code == 301
    assert response["Location"] == "/inspiratie/?kern=beesd&thema=groen"


def test_overview_paginates_with_the_dutch_pager_and_404s_past_the_end(client, beesd, make_story):
    for number in range(13):
        make_story(beesd, f"Verhaal {number}", ["groen"], date=datetime.date(2026, 1, 1 + number))

    first = client.get("/inspiratie/?thema=groen").content.decode()
    second = client.get("/inspiratie/?thema=groen&pagina=2")

    assert "Pagina 1 van 2" in first
    assert 'href="?thema=groen&amp;pagina=2" rel="next">Volgende</a>' in first
    assert second.status_code == 200
    assert ">Verhaal 0</a>" in second.content.decode()
    assert client.get("/inspiratie/?page=3").status_code == 404
    assert client.get("/inspiratie/?page=abc").status_code == 404
    assert client.get("/beesd/inspiratie/?page=3").status_code == 404


def test_kern_page_shows_its_latest_story(client, beesd, heukelum, make_story):
    make_story(beesd, "Oud verhaal", date=datetime.date(2025, 1, 1))
    make_story(beesd, "Nieuwste verhaal", date=datetime.date(2026, 2, 1))
    make_story(heukelum, "Nog nieuwer in Heukelum", date=datetime.date(2026, 5, 1))

    html = client.get("/beesd/").content.decode()

    assert '<a href="/beesd/inspiratie/nieuwste-verhaal/">Nieuwste verhaal</a>' in html
    assert "Oud verhaal" not in html
    assert "Nog nieuwer in Heukelum" not in html
    assert '<a href="/beesd/inspiratie/">Alle verhalen uit Beesd</a>' in html


def test_kern_page_without_stories_has_no_inspiration_panel(client, beesd):
    assert "latest-story-heading" not in client.get("/beesd/").content.decode()


def add_stories(kernen, make_story, count, prefix):
    for number in range(count):
        kern = kernen[number % len(kernen)]
        make_story(kern, f"{prefix} {number}", ["groen", f"thema-{number}"], photos=1)


@pytest.mark.parametrize(
    ("url", "pinned"),
    [
        ("/inspiratie/", OVERVIEW_PAGE_QUERIES),
        ("/inspiratie/?thema=groen&kern=beesd", OVERVIEW_PAGE_QUERIES),
        ("/beesd/inspiratie/", INDEX_PAGE_QUERIES),
        ("/beesd/inspiratie/eerste/", STORY_PAGE_QUERIES),
    ],
)
def test_inspiration_queries_do_not_grow_with_stories(
    client, beesd, heukelum, make_story, count_queries, url, pinned
):
    make_story(beesd, "Eerste", ["groen"], photos=3)
    add_stories([beesd, heukelum], make_story, 2, "Klein")
    _response, few = count_queries(client, url)
    add_stories([beesd, heukelum], make_story, 14, "Groot")
    response, many = count_queries(client, url)

    assert response.status_code == 200
    assert few == many, f"{url}: {few} queries with few stories, {many} with many"
    assert many == pinned


def test_beesd_editors_create_stories_in_beesd_only(client, beesd, heukelum, beesd_editor):
    client.force_login(beesd_editor)
    own = InspirationIndexPage.objects.child_of(beesd).get()
    other = InspirationIndexPage.objects.child_of(heukelum).get()

    allowed = client.post(
        reverse("wagtailadmin_pages:add", args=["kernen", "inspirationpage", own.pk]),
        story_form_data("Nieuwe moestuin", "nieuwe-moestuin", **{"action-publish": "publish"}),
    )
    refused = client.post(
        reverse("wagtailadmin_pages:add", args=["kernen", "inspirationpage", other.pk]),
        story_form_data("Inbraak", "inbraak", **{"action-publish": "publish"}),
    )

    assert allowed.status_code == 302, allowed.context["form"].errors if allowed.context else ""
    story = InspirationPage.objects.child_of(own).get(slug="nieuwe-moestuin")
    assert story.live
    assert list(story.tags.names()) == ["groen"]
    assert refused.status_code in (302, 403)
    assert not InspirationPage.objects.filter(slug="inbraak").exists()
    assert client.get(
        reverse("wagtailadmin_pages:add", args=["kernen", "inspirationpage", other.pk])
    ).status_code in (302, 403)


def test_kern_page_panel_costs_one_query_whatever_the_stories(
    client, make_kern, make_story, count_queries
):
    from tests.test_pages import KERN_PAGE_QUERIES, add_kernen

    AreaBroker.objects.create(name="Anouk de Wit", email="a@westbetuwe.example")
    add_kernen(make_kern, ["Beesd", "Heukelum"])  # as complete as the foundation's test
    beesd, heukelum = KernPage.objects.get(slug="beesd"), KernPage.objects.get(slug="heukelum")
    make_story(beesd, "Eerste", ["groen"], photos=1)
    _response, few = count_queries(client, "/beesd/")
    add_stories([beesd, heukelum], make_story, 10, "Meer")
    response, many = count_queries(client, "/beesd/")

    assert "latest-story-heading" in response.content.decode()
    assert few == many == KERN_PAGE_QUERIES


def test_editors_preview_a_story_with_its_photos(client, beesd, beesd_editor, make_story):
    story = make_story(beesd, "Voorbeeld", ["groen"], photos=1)
    client.force_login(beesd_editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    photo = story.gallery_images.get()
    data = story_form_data(
        "Nieuwe titel",
        "voorbeeld",
        gallery_images=inline_formset(
            [{"id": photo.pk, "image": photo.image_id, "alt_text": "Nieuwe beschrijving"}],
            initial=1,
        ),
    )

    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Nieuwe titel</h1>" in html
    assert 'alt="Nieuwe beschrijving"' in html
