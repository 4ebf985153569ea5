"""The portal with the keyboard alone: the skip link, visible focus in page order, the main
menu, the search box's suggestions (an ARIA combobox) and skipping the map."""

import re

import pytest

from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser

#: What the browser's Tab key can reach, in document order (tabindex="-1" and hidden excluded).
TABBABLE_JS = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]';
    return Array.from(document.querySelectorAll(selector)).filter(element => {
        if (element.disabled || element.tabIndex < 0) return false;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none') return false;
        if (element.closest('[hidden], [aria-hidden=true], [inert]')) return false;
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
    }).map(element => element.outerHTML.slice(0, 120));
}"""

#: The focused element, and whether its focus is drawn (an outline or a box shadow).
FOCUS_JS = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {
        html: element.outerHTML.slice(0, 120),
        id: element.id,
        tag: element.tagName.toLowerCase(),
        text: (element.innerText || element.value || '').trim(),
        visible: outline || shadow,
        style: `outline: ${style.outlineStyle} ${style.outlineWidth}; shadow: ${style.boxShadow}`,
        tabindex: element.getAttribute('tabindex'),
    };
}"""


def focused(page):
    return page.evaluate(FOCUS_JS)


def draw_maps(page):
    """Scrolls to each map until Leaflet has drawn its markers, then back to the top: the maps
    load lazily (static/js/map-loader.js), so their controls join the tab order only then."""
    canvases = page.locator(".notice-map__canvas[data-points]")
    for index in range(canvases.count()):
        canvas = canvases.nth(index)
        canvas.scroll_into_view_if_needed()
        canvas.locator(".leaflet-marker-icon").first.wait_for()
    page.evaluate("window.scrollTo(0, 0)")


def tab_until(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(site, new_context):
    for viewport in WIDTHS.values():
        page = new_context(viewport).new_page()
        page.goto(site.urls["kern"])

        page.keyboard.press("Tab")
        assert focused(page)["text"] == "Naar de inhoud"
        box = page.locator(".skip-link").bounding_box()
        assert box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"

        page.keyboard.press("Enter")
        assert focused(page)["id"] == "main"
        assert page.url.endswith("#main")
        # The next Tab continues inside the content, not at the top of the page again.
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


#: Pages whose whole tab order is walked: header, menu, content with forms and map, footer.
TAB_PAGES = ["kern", "notice_index", "event", "subscribe", "form"]


def test_tab_order_follows_the_page_and_focus_is_always_visible(site, new_context):
    page = new_context().new_page()
    for name in TAB_PAGES:
        page.goto(site.urls[name])
        draw_maps(page)
        expected = page.evaluate(TABBABLE_JS)
        positive = page.locator("[tabindex]:not([tabindex='0']):not([tabindex^='-'])")
        assert not positive.count(), f"{name}: a positive tabindex changes the order"

        reached = []
        for _ in expected:
            page.keyboard.press("Tab")
            element = focused(page)
            assert element["visible"], (
                f"{name}: no visible focus on {element['html']} ({element['style']})"
            )
            reached.append(element["html"])

        assert reached == expected, name


def test_main_menu_works_with_the_keyboard(site, new_context):
    page = new_context().new_page()
    page.goto(site.urls["home"])

    link = tab_until(page, lambda element: element["text"] == "Werkzaamheden")
    assert link["tag"] == "a"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/werkzaamheden/$"))
    assert page.locator("h1").inner_text() == "Werkzaamheden"
    menu_link = page.locator(".site-nav a", has_text="Werkzaamheden")
    assert menu_link.get_attribute("aria-current") == "page"


def test_search_suggestions_work_with_the_keyboard(site, new_context):
    page = new_context().new_page()
    page.goto(site.urls["kern"])
    box = page.locator("#site-search")
    listbox = page.locator("#site-search-suggestions")

    tab_until(page, lambda element: element["id"] == "site-search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.type("bankjes")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "site-search-suggestions"
    assert page.locator("[data-suggest-status]").inner_text().startswith("1 ")

    page.keyboard.press("ArrowDown")
    option = listbox.locator("[role=option]").first
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert "Nieuwe bankjes aan de Linge" in option.inner_text()
    # Focus stays in the box while the choice moves (aria-activedescendant).
    assert focused(page)["id"] == "site-search"

    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()

    # Down opens the closed list again, on the first suggestion; Enter opens that page.
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-expanded") == "true"
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(site.urls["news"]) + "$"))
    assert page.locator("h1").inner_text() == "Nieuwe bankjes aan de Linge"

    # Without a chosen suggestion, Enter searches.
    page.locator("#site-search").fill("Linge")
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=Linge"))


def test_the_map_can_be_skipped_and_every_location_is_text(site, new_context, blocked_hosts):
    page = new_context().new_page()
    page.goto(site.urls["notice_index"])
    canvas = page.locator("#notice-map")
    canvas.scroll_into_view_if_needed()  # Leaflet loads when the map comes near the screen
    page.locator("#notice-map .leaflet-marker-icon").first.wait_for()

    assert canvas.get_attribute("aria-label") == "Kaart van de werkzaamheden"
    skip = tab_until(page, lambda element: element["text"] == "Sla de kaart over")
    assert skip["visible"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "notice-list"
    page.keyboard.press("Tab")
    after = focused(page)
    assert after["text"] == "Dorpsstraat dicht", "Tab after skipping lands inside the map"

    listed = page.locator("#notice-list").inner_text()
    assert "Dorpsstraat, tussen de kerk en de Lingedijk" in listed
    assert "service.pdok.nl" in blocked_hosts
