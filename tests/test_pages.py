"""The public pages of the foundation: the municipality portal and the kern pages."""

import csv
import json
from decimal import Decimal

import pytest
from wagtail_factories import ImageFactory

from kernen.data import DATA_FILE
from kernen.models import AreaBroker
from tests.snapshots import snapshot

pytestmark = pytest.mark.django_db

#: SQL queries per request, pinned. A change that adds queries must change these on purpose.
HOME_PAGE_QUERIES = 3 + 1  # news: latest news of all kernen
# The foundation (3: the site, the kern by its slug, the kern itself with its image and area
# broker; the home page's own row is not needed below it, home.views.route; the portal
# settings, the main menu and whether a view restriction can apply,
# home.queries.restriction_reach, come from the cache) plus one query per panel: news (latest
# news, current work notices), events (coming activities), kernen (latest story), agenda
# (kernagenda status counts), businesses (the list and map of the kern's businesses).
KERN_PAGE_QUERIES = 3 + 2 + 1 + 1 + 1 + 1


@pytest.fixture
@snapshot
def all_kernen(make_kern):
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        make_kern(
            row["name"],
            slug=row["slug"],
            rollout_status="pilot" if row["pilot"] else "planned",
            former_municipality=row["former_municipality"],
            latitude=Decimal(row["lat"]),
            longitude=Decimal(row["lon"]),
        )
        for row in rows
    ]


def test_home_page_lists_all_26_kernen_alphabetically_with_status(client, all_kernen):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert len(all_kernen) == 26
    positions = {
        kern.title: html.index(f'href="/{kern.slug}/">{kern.title}</a>') for kern in all_kernen
    }
    listed_order = sorted(positions, key=positions.get)
    assert listed_order == sorted(positions), "kernen are not listed alphabetically"
    assert "De 26 kernen" in html
    assert html.count("status--pilot") == 2  # Beesd and Heukelum
    assert html.count("status--planned") == 24


def test_home_page_maps_all_26_kernen_with_the_list_as_its_text(client, all_kernen):
    html = client.get("/").content.decode()

    assert "Kaart van de kernen" in html
    assert "Alle kernen staan ook in de lijst onder de kaart." in html
    # The map's skip link lands on the list, which names and links every kern without
    # JavaScript; without JavaScript the canvas is hidden (static/css/no-script.css).
    assert '<a class="skip-map" href="#kernen-list">Sla de kaart over</a>' in html
    assert 'id="kernen-list" tabindex="-1"' in html
    assert 'id="kernen-map" class="notice-map__canvas" role="region"' in html
    assert 'aria-label="Kaart van de kernen"\n' in html
    assert '<noscript><link rel="stylesheet" href="/static/css/no-script.css"></noscript>' in html
    assert 'data-group-label="Kernen hier: {count}"' in html
    start = html.index('<script id="kernen-map-points" type="application/json">')
    data = html[html.index(">", start) + 1 : html.index("</script>", start)]
    points = {point["title"]: point for point in json.loads(data)}
    assert len(points) == 26
    beesd = points["Beesd"]
    assert beesd["url"] == "/beesd/"
    assert (beesd["lat"], beesd["lng"]) == (51.888, 5.192)
    assert beesd["location"] == "Pilot"
    # Leaflet from our own static files, no CDN, loaded when the map comes near the screen.
    assert 'src="/static/js/map-loader.js"' in html
    assert 'data-leaflet-js="/static/vendor/leaflet/leaflet.js"' in html
    assert 'data-leaflet-css="/static/vendor/leaflet/leaflet.css"' in html
    assert '<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">' not in html


def test_home_page_without_kern_places_has_no_map(client, beesd):
    html = client.get("/").content.decode()

    assert "Beesd" in html
    assert "kernen-map" not in html
    assert "leaflet" not in html


def test_every_kern_page_renders_with_its_name(client, all_kernen):
    for kern in all_kernen:
        response = client.get(f"/{kern.slug}/")
        assert response.status_code == 200, kern.slug
        assert f"<h1>{kern.title}</h1>" in response.content.decode()


def test_unknown_kern_gives_the_dutch_404(client, municipality):
    response = client.get("/atlantis/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert '<html lang="nl">' in html


def test_kern_page_shows_intro_contact_and_area_broker(client, make_kern):
    broker = AreaBroker.objects.create(
        name="Anouk de Wit", email="a.dewit@westbetuwe.example", phone="0345 - 123 401"
    )
    make_kern(
        "Beesd",
        intro="Beesd ligt aan de Linge.",
        association_name="Dorpsbelang Beesd",
        association_email="bestuur@dorpsbelang-beesd.example",
        area_broker=broker,
    )

    html = client.get("/beesd/").content.decode()

    assert "Beesd ligt aan de Linge." in html
    assert "Dorpsbelang Beesd" in html
    assert 'href="mailto:bestuur@dorpsbelang-beesd.example"' in html
    assert "Anouk de Wit" in html
    assert "gebiedsmakelaar" in html


def test_kern_page_without_contacts_says_so(client, make_kern):
    make_kern("Tuil")

    html = client.get("/tuil/").content.decode()

    assert "De contactgegevens van de dorpsvereniging volgen nog." in html
    assert "Er is nog geen gebiedsmakelaar" in html


def test_base_layout_is_accessible_by_structure(client, beesd):
    html = client.get("/beesd/").content.decode()

    assert '<html lang="nl">' in html
    assert '<a class="skip-link" href="#main">Naar de inhoud</a>' in html
    assert '<main id="main"' in html
    for landmark in ("<header", "<nav", "<footer"):
        assert landmark in html
    assert 'role="search"' in html
    assert '<label for="site-search"' in html


def test_a_draft_kern_is_neither_listed_nor_served(client, make_kern):
    kern = make_kern("Spijk")
    kern.unpublish()

    assert client.get("/spijk/").status_code == 404
    assert "Spijk" not in client.get("/").content.decode()


def add_kernen(make_kern, names):
    """Kernen as complete as the demo's: with an area broker, an image and a place on the map."""
    for number, name in enumerate(names):
        kern = make_kern(
            name,
            area_broker=AreaBroker.objects.first(),
            latitude=Decimal("51.88") + Decimal(number) / 100,
            longitude=Decimal("5.19"),
        )
        kern.image = ImageFactory(collection=kern.collection)
        kern.save_revision().publish()


def test_home_page_queries_do_not_grow_with_kernen(client, make_kern, count_queries):
    AreaBroker.objects.create(name="Anouk de Wit", email="a@westbetuwe.example")
    add_kernen(make_kern, ["Beesd", "Heukelum", "Asperen"])
    _response, few = count_queries(client, "/")
    add_kernen(make_kern, [f"Testkern {number}" for number in range(10)])
    response, many = count_queries(client, "/")

    assert response.content.decode().count('class="card"') == 13
    assert response.content.decode().count('"url": "/testkern-') == 10  # map markers
    assert few == many, "the home page's queries grow with the number of kernen"
    assert many == HOME_PAGE_QUERIES


def test_kern_page_queries_do_not_grow_with_kernen(client, make_kern, count_queries):
    AreaBroker.objects.create(name="Anouk de Wit", email="a@westbetuwe.example")
    add_kernen(make_kern, ["Beesd", "Heukelum", "Asperen"])
    _response, few = count_queries(client, "/beesd/")
    add_kernen(make_kern, [f"Testkern {number}" for number in range(10)])
    response, many = count_queries(client, "/beesd/")

    assert response.status_code == 200
    assert few == many
    assert many == KERN_PAGE_QUERIES


def test_main_menu_lists_municipality_sections_shown_in_menus(client, municipality, beesd):
    from wagtail.models import Page

    section = Page(title="Proefsectie", slug="proefsectie", show_in_menus=True)
    municipality.add_child(instance=section)
    hidden = Page(title="Verborgen", slug="verborgen", show_in_menus=False)
    municipality.add_child(instance=hidden)

    html = client.get("/").content.decode()

    assert '<a href="/" aria-current="page">Alle kernen</a>' in html
    assert '<a href="/proefsectie/">Proefsectie</a>' in html
    assert "Verborgen" not in html
    assert 'href="/beesd/">Beesd</a></li>' not in html.split("</nav>")[0]


def test_the_public_site_stays_dutch_for_an_english_browser(client, beesd):
    html = client.get("/beesd/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="nl">' in html
    assert "Naar de inhoud" in html
