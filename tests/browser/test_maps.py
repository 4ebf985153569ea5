"""The maps: a work notice and an activity show their address and a small map (no raw
coordinates); on /werkzaamheden/ and the home page, markers on one spot are one marker big
enough to hit (axe checks WCAG 2.2 target size, tests/browser/axe.py); Leaflet loads only when a
map comes near the screen (static/js/map-loader.js)."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from events.models import EventPage
from kernen.models import KernPage
from news.factories import WorkNoticePageFactory
from news.models.notices import make_point
from tests.browser.axe import violations
from tests.browser.conftest import MOBILE

pytestmark = pytest.mark.browser


def test_a_notice_and_an_activity_show_their_place_on_a_map(site, new_context, blocked_hosts):
    EventPage.objects.filter(pk=site.objects["event"].pk).update(
        latitude=Decimal("51.888100"), longitude=Decimal("5.191900")
    )
    page = new_context(MOBILE).new_page()
    for name, address in [
        ("notice", "Dorpsstraat, tussen de kerk en de Lingedijk"),
        ("event", "Dorpshuis Beesd"),
    ]:
        page.goto(site.urls[name])
        page.locator("#location-map").scroll_into_view_if_needed()  # Leaflet loads then
        page.locator("#location-map .leaflet-marker-icon").first.wait_for()
        text = page.locator("main").inner_text()
        assert address in text
        assert "51,88" not in text and "51.88" not in text, f"{name} shows coordinates"
        assert page.get_by_role("heading", name="Op de kaart").is_visible()
        assert page.locator("#location-map").is_visible()
        assert page.get_by_role("link", name="Open deze plek in OpenStreetMap").is_visible()
        assert not violations(page), violations(page)
    assert "service.pdok.nl" in blocked_hosts


def test_notices_on_one_spot_are_one_marker_you_can_hit(site, new_context):
    today = timezone.localdate()
    WorkNoticePageFactory(
        parent=site.objects["notice"].get_parent(),
        title="Kerkplein dicht",
        slug="kerkplein-dicht",
        summary="Nieuwe bestrating.",
        start_date=today,
        end_date=today + datetime.timedelta(days=7),
        location_text="Kerkplein",
        coordinates=make_point(Decimal("51.8891"), Decimal("5.1931")),
        kernen=[site.objects["beesd"]],
    )
    page = new_context(MOBILE).new_page()
    page.goto(site.urls["notice_index"])
    page.locator("#notice-map").scroll_into_view_if_needed()
    group = page.get_by_role("button", name="Werkzaamheden hier: 2")
    group.wait_for()
    box = group.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert page.locator("#notice-map .leaflet-marker-icon").count() == 1
    assert not violations(page), violations(page)

    group.click()
    popup = page.locator(".leaflet-popup")
    assert popup.get_by_role("link", name="Dorpsstraat dicht").is_visible()
    assert popup.get_by_role("link", name="Kerkplein dicht").is_visible()


def test_the_home_page_maps_the_kernen_and_each_marker_leads_to_its_kern(site, new_context):
    # Heukelum a few hundred metres from Beesd: at the municipality's zoom one marker.
    KernPage.objects.filter(slug="heukelum").update(
        latitude=Decimal("51.889"), longitude=Decimal("5.195")
    )
    page = new_context(MOBILE).new_page()
    page.goto(site.urls["home"])
    canvas = page.locator("#kernen-map")
    assert canvas.get_attribute("aria-label") == "Kaart van de kernen"
    group = page.get_by_role("button", name="Kernen hier: 2")
    group.wait_for()
    box = group.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert not violations(page), violations(page)

    group.click()
    popup = page.locator(".leaflet-popup")
    assert popup.get_by_role("link", name="Heukelum").is_visible()
    popup.get_by_role("link", name="Beesd").click()
    page.wait_for_url(f"**{site.urls['kern']}")
    assert page.locator("h1").inner_text() == "Beesd"


def test_leaflet_loads_only_when_a_map_comes_near_the_screen(site, new_context):
    """static/js/map-loader.js: a phone that never scrolls to the map downloads no Leaflet; once
    the visitor scrolls to it, the map shows its marker."""
    page = new_context({"width": 375, "height": 400}).new_page()
    leaflet = []
    page.on(
        "request",
        lambda request: (
            leaflet.append(request.url)
            if "/vendor/leaflet/" in request.url or request.url.endswith("/notice-map.js")
            else None
        ),
    )
    csp = []
    page.on("console", lambda message: "Content Security Policy" in message.text and csp.append(1))
    page.goto(site.urls["notice"])
    page.wait_for_load_state("networkidle")
    canvas = page.locator("#location-map")
    assert canvas.bounding_box()["y"] > 400 + 300, "the map is within reach of the screen"
    assert canvas.is_visible(), "the map keeps its place while it waits"
    below = "e => e.getBoundingClientRect().top + window.scrollY"
    link_at = page.locator(".notice-map__link").evaluate(below)
    assert leaflet == []
    assert page.evaluate("typeof window.L") == "undefined"

    canvas.scroll_into_view_if_needed()
    canvas.locator(".leaflet-marker-icon").first.wait_for()
    assert canvas.locator(".leaflet-marker-icon").count() == 1
    assert any(url.endswith("leaflet.js") for url in leaflet)
    assert any(url.endswith("leaflet.css") for url in leaflet)
    assert page.locator(".notice-map__link").evaluate(below) == link_at, "the page moved"
    assert "Dorpsstraat, tussen de kerk en de Lingedijk" in page.locator("main").inner_text()
    assert csp == [], "the loader's scripts and stylesheet are refused by the CSP"


def test_without_javascript_the_map_takes_no_room_and_the_text_says_where(
    site, browser, live_server
):
    context = browser.new_context(
        base_url=live_server.url, viewport=MOBILE, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            live_server.url) else route.abort())  # fmt: skip
        page.goto(site.urls["notice"])
        assert page.locator("#location-map").count() == 1
        assert not page.locator("#location-map").is_visible()
        assert "Dorpsstraat, tussen de kerk en de Lingedijk" in page.locator("main").inner_text()
        assert page.get_by_role("link", name="Open deze plek in OpenStreetMap").is_visible()
    finally:
        context.close()
