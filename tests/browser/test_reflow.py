"""Reflow (WCAG 2.2, 1.4.10): every page fits a phone 320 px wide without sideways scrolling.

At 320 and 375 px wide, for every public page type in Dutch, English and Polish, the member
area and every form (as shown and with errors): the document is no wider than the viewport,
and the header's search button is inside it. One page object per test, one load per URL and
width.
"""

import pytest

from home.locales import ensure_languages
from tests.browser.test_axe import FORMS, MEMBER_PAGES, PUBLIC_PAGES, submit_empty, visit

pytestmark = pytest.mark.browser

WIDTHS = (320, 375)
LANGUAGES = ("", "/en", "/pl")

#: The document's width, and the elements that stick out to the right (the culprits).
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    const sticksOut = element => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > width + 0.5;
    };
    const clipped = element => {
        for (let parent = element.parentElement; parent && parent !== document.body;
                parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible') return true;
        }
        return false;
    };
    const describe = element => element.tagName.toLowerCase()
        + (element.id ? '#' + element.id : '')
        + (typeof element.className === 'string' && element.className.trim()
            ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
    const culprits = [];
    if (scroll > width) {
        // The innermost elements that stick out (the wide thing itself), unless an ancestor
        // clips or scrolls them (a map's tiles, a data table in its own scroll box).
        for (const element of document.body.querySelectorAll('*')) {
            if (!sticksOut(element) || clipped(element)) continue;
            if (Array.from(element.children).some(sticksOut)) continue;
            culprits.push(`${describe(element)} (right edge ${
                Math.round(element.getBoundingClientRect().right)} px)`);
        }
    }
    return {width, scroll, culprits: culprits.slice(0, 6)};
}"""

#: Where the header's search button ends, and the viewport's width.
SEARCH_BUTTON_JS = """() => {
    const button = document.querySelector('.search-form button[type=submit]');
    const box = button.getBoundingClientRect();
    return {left: box.left, right: box.right, width: document.documentElement.clientWidth};
}"""


def overflow(page, where):
    """A line describing how ``page`` overflows, or None when it fits."""
    found = page.evaluate(OVERFLOW_JS)
    if found["scroll"] <= found["width"]:
        return None
    return (
        f"{where}: {found['scroll']} px wide in a {found['width']} px viewport; "
        f"sticking out: {', '.join(found['culprits']) or 'nothing visible'}"
    )


def language_urls(site):
    """Every public page type in every language."""
    return [
        (f"{name} {prefix or '/nl'}", f"{prefix}{site.urls[name]}")
        for prefix in LANGUAGES
        for name in PUBLIC_PAGES
    ]


@pytest.fixture
def site_in_languages(site, settings):
    """The small site with its English and Polish trees (aliases of the Dutch pages)."""
    settings.PROVISION_LANGUAGES = True
    ensure_languages()
    return site


def test_public_pages_fit_a_phone_in_every_language(site_in_languages, new_context):
    site = site_in_languages
    page = new_context().new_page()
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 720})
        for name, url in language_urls(site):
            response = visit(page, url)
            assert response.status == 200, f"{name} {url}: {response.status}"
            problems.append(overflow(page, f"{name} {url} @ {width}px"))
            button = page.evaluate(SEARCH_BUTTON_JS)
            if button["right"] > button["width"] or button["left"] < 0:
                problems.append(f"{name} {url} @ {width}px: the search button is cut off")
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)


def test_member_area_and_forms_fit_a_phone(site, new_context):
    page = new_context(user=site.users["chair"]).new_page()
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 720})
        for name in MEMBER_PAGES:
            response = visit(page, site.urls[name])
            assert response.status == 200, f"{name}: {response.status}"
            problems.append(overflow(page, f"{name} {site.urls[name]} @ {width}px"))
        for name, url_name, selector in FORMS:
            if url_name == "login":
                continue  # the chair is logged in; the login form is checked below
            visit(page, site.urls[url_name])
            submit_empty(page, selector)
            problems.append(overflow(page, f"{name} form with errors @ {width}px"))

    anonymous = new_context().new_page()
    for width in WIDTHS:
        anonymous.set_viewport_size({"width": width, "height": 720})
        visit(anonymous, site.urls["login"])
        problems.append(overflow(anonymous, f"login @ {width}px"))
        submit_empty(anonymous, "main form")
        problems.append(overflow(anonymous, f"login form with errors @ {width}px"))
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)
