"""The businesses on a kern page, in the kern's section, on /bedrijven/ and in search."""

from django.core.cache import cache

import pytest

from businesses import panels
from businesses.constants import KERN_PANEL_BUSINESSES, Kind

pytestmark = pytest.mark.django_db


def test_kern_page_lists_its_businesses_with_a_map(client, kern_beesd, make_business):
    make_business(kern_beesd, "Bakkerij Van Rossum", address="Voorstraat 12, Beesd")
    make_business(kern_beesd, "Fietsenmaker De Linge", kind=Kind.CRAFT, latitude=None,
                  longitude=None, address="Molenstraat 3, Beesd")  # fmt: skip

    response = client.get("/beesd/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bedrijven in Beesd" in html
    assert "Bakkerij Van Rossum" in html and "Fietsenmaker De Linge" in html
    assert 'id="business-map"' in html
    # Only the business with a place is a point on the map; the list holds both.
    assert html.count('"lat":') == 1


def test_a_draft_business_is_nowhere_public(client, kern_beesd, make_business):
    draft = make_business(kern_beesd, "Geheime Winkel", draft=True)

    assert "Geheime Winkel" not in client.get("/beesd/").content.decode()
    assert "Geheime Winkel" not in client.get("/beesd/bedrijven/").content.decode()
    assert "Geheime Winkel" not in client.get("/bedrijven/").content.decode()
    assert client.get(draft.url_path.replace("/home", "", 1)).status_code == 404
    assert "Geheime Winkel" not in client.get("/zoeken/?q=Geheime").content.decode()


def test_business_page_shows_its_details(client, kern_beesd, make_business):
    make_business(
        kern_beesd,
        "Dorpswinkel Beesd",
        slug="dorpswinkel",
        kind=Kind.SHOP,
        address="Kerkplein 5, Beesd",
        opening_hours="ma–za 8:00–20:00",
        website="https://dorpswinkel.example",
    )

    response = client.get("/beesd/bedrijven/dorpswinkel/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kerkplein 5, Beesd" in html and "ma–za 8:00–20:00" in html
    assert 'href="https://dorpswinkel.example"' in html
    assert "winkel" in html


def test_overview_filters_by_kern_and_kind(client, kern_beesd, kern_heukelum, make_business):
    make_business(kern_beesd, "Bakkerij Beesd", kind=Kind.FOOD)
    make_business(kern_beesd, "Kapper Beesd", kind=Kind.SERVICE)
    make_business(kern_heukelum, "Bakkerij Heukelum", kind=Kind.FOOD)

    everything = client.get("/bedrijven/").content.decode()
    in_beesd = client.get("/bedrijven/?kern=beesd").content.decode()
    bakers = client.get("/bedrijven/?soort=eten").content.decode()

    assert all(
        name in everything for name in ("Bakkerij Beesd", "Kapper Beesd", "Bakkerij Heukelum")
    )
    assert "Kapper Beesd" in in_beesd and "Bakkerij Heukelum" not in in_beesd
    assert "Bakkerij Heukelum" in bakers and "Kapper Beesd" not in bakers


def test_overview_refuses_an_unknown_filter_in_dutch(client, kern_beesd):
    response = client.get("/bedrijven/?soort=casino")

    assert response.status_code == 400
    assert "Kies een soort uit de lijst." in response.content.decode()


def test_businesses_are_found_by_search(client, kern_beesd, make_business):
    make_business(kern_beesd, "Fietsenmaker De Linge", summary="Reparatie van fietsen.")

    response = client.get("/zoeken/?q=fietsenmaker")

    assert 'href="/beesd/bedrijven/fietsenmaker-de-linge/"' in response.content.decode()


@pytest.mark.parametrize("count", [5, 50])
def test_kern_page_costs_the_same_queries_for_5_and_50_businesses(
    client, kern_beesd, make_business, count_queries, count
):
    from tests.test_pages import KERN_PAGE_QUERIES

    for number in range(count):
        make_business(kern_beesd, f"Bedrijf {number}", slug=f"bedrijf-{number}")

    response, queries = count_queries(client, "/beesd/")

    listed = response.content.decode().count('class="business-list__item"')
    assert listed == min(count, KERN_PANEL_BUSINESSES)
    assert queries == KERN_PAGE_QUERIES


def test_a_kern_with_many_businesses_lists_the_first_and_links_to_all(
    client, kern_beesd, make_business, monkeypatch
):
    count = KERN_PANEL_BUSINESSES + 4
    for number in range(count):
        make_business(kern_beesd, f"Bedrijf {number:02d}", slug=f"bedrijf-{number:02d}")

    html = client.get("/beesd/").content.decode()

    first = [f"Bedrijf {number:02d}" for number in range(KERN_PANEL_BUSINESSES)]
    assert all(name in html for name in first)
    assert f"Bedrijf {count - 1:02d}</a>" not in html  # in the list, though still on the map
    assert html.count('"lat":') == count
    assert "De lijst onder de kaart toont de eerste bedrijven op naam" in html
    assert f'<a href="/beesd/bedrijven/">Alle {count} bedrijven in Beesd</a>' in html
    section = client.get("/beesd/bedrijven/").content.decode()
    assert f"Bedrijf {count - 1:02d}" in section

    # More than the map holds: the map shows the first, the link no longer counts.
    monkeypatch.setattr(panels, "KERN_PANEL_MAP_BUSINESSES", 10)
    cache.clear()  # the page cache holds the first answer
    html = client.get("/beesd/").content.decode()

    assert html.count('"lat":') == 10
    assert "De kaart toont de eerste 10 bedrijven op naam" in html
    assert '<a href="/beesd/bedrijven/">Alle bedrijven in Beesd</a>' in html


def test_a_kern_with_few_businesses_says_the_list_holds_them_all(client, kern_beesd, make_business):
    make_business(kern_beesd, "Bakkerij Van Rossum")

    html = client.get("/beesd/").content.decode()

    assert "Elk bedrijf staat ook in de lijst onder de kaart." in html
    assert '<a href="/beesd/bedrijven/">Alle bedrijven in Beesd</a>' in html


def test_section_and_overview_render_in_english_and_polish(
    client, languages, kern_beesd, make_business
):
    make_business(kern_beesd, "Bakkerij Van Rossum")

    english = client.get("/en/beesd/")
    polish = client.get("/pl/bedrijven/")

    assert "Businesses in Beesd" in english.content.decode()
    assert polish.status_code == 200
    assert "Bakkerij Van Rossum" in polish.content.decode()
