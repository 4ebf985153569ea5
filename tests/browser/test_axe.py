"""axe-core in Chromium: zero WCAG 2.2 A/AA violations (target size included) on every page
type and every form with and without errors at 1280, 375 and 320 px wide, and on the member
area at 1280 and 375 px.

Pages are checked in a few tests (not one test per page) because each test builds the site
again: the live server's database is emptied after every test.
"""

import pytest

from tests.browser.axe import report, violations
from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser

#: The public pages and forms are also checked at 320 px, the narrowest phone (WCAG reflow).
PUBLIC_WIDTHS = {**WIDTHS, "320": {"width": 320, "height": 720}}

#: Every public page type (feeds are not HTML pages and are left out).
PUBLIC_PAGES = [
    "home",
    "kern",
    "news_index",
    "news",
    "notice_index",
    "notice",
    "kernagenda",
    "action_point",
    "kernagenda_overview",
    "event_index",
    "event",
    "event_overview",
    "inspiration_index",
    "inspiration",
    "inspiration_overview",
    "project_index",
    "project",
    "organisation_index",
    "organisation",
    "form",
    "search",
    "subscribe",
    "accessibility",
    "privacy",
]

#: The member area, seen by the chair of Beesd's board.
MEMBER_PAGES = [
    "board",
    "meetings",
    "meeting",
    "documents",
    "threads",
    "thread",
    "polls",
    "poll",
    "project_workspace",
    "workspace_organisations",
    "organisation_edit",
]

#: Forms: (name, page, CSS selector of the form). Each is checked as shown, then after an
#: empty submission (the browser's own validation switched off, so the server answers).
FORMS = [
    ("subscribe", "subscribe", "main form"),
    ("event registration", "event", "#aanmelden form"),
    ("action point sign-up", "action_point", "#doe-mee form"),
    ("klankbordgroep", "form", "main form.portal-form"),
    ("login", "login", "main form"),
]
#: Forms of the member area: (name, page, CSS selector), as FORMS, seen by the chair.
MEMBER_FORMS = [
    ("invite an organisation", "workspace_organisations", "main form.form"),
]


def visit(page, url):
    response = page.goto(url)
    assert response is not None and response.status < 500, f"{url}: {response and response.status}"
    page.wait_for_load_state("load")
    return response


def submit_empty(page, selector):
    form = page.locator(selector).first
    with page.expect_navigation():
        form.evaluate("form => { form.noValidate = true; form.requestSubmit(); }")
    page.wait_for_load_state("load")


def test_axe_reports_what_it_should(browser):
    """The check can fail: a page with an unlabelled field, an image without text, grey on
    grey text and two buttons too small to hit apart (WCAG 2.2 target size) has violations."""
    page = browser.new_page()
    page.set_content(
        '<html lang="nl"><title>Proef</title><body><main><h1>Proef</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        '<p style="color:#aaa;background:#bbb">Grijs</p>'
        '<button style="width:12px;height:12px;padding:0">+</button>'
        '<button style="width:12px;height:12px;padding:0">-</button></main></body></html>'
    )
    found = " ".join(violations(page))
    for rule in ("image-alt", "label", "color-contrast", "target-size"):
        assert rule in found


def test_public_pages_have_no_violations(site, new_context, blocked_hosts):
    problems = {}
    for width, viewport in PUBLIC_WIDTHS.items():
        page = new_context(viewport).new_page()
        for name in PUBLIC_PAGES:
            response = visit(page, site.urls[name])
            assert response.status == 200, f"{name}: {response.status}"
            problems[f"{name} {site.urls[name]} @ {width}px"] = violations(page)

    if report(problems):
        pytest.fail(report(problems), pytrace=False)
    # The work notices map asked for its tiles, which the test blocked (CI has no internet).
    assert "service.pdok.nl" in blocked_hosts


def test_forms_with_and_without_errors_have_no_violations(site, new_context):
    problems = {}
    for width, viewport in PUBLIC_WIDTHS.items():
        page = new_context(viewport).new_page()
        for name, url_name, selector in FORMS:
            visit(page, site.urls[url_name])
            problems[f"{name} form @ {width}px"] = violations(page)
            submit_empty(page, selector)
            error_text = page.locator("[role=alert], .form-field__error")
            assert error_text.count(), f"{name}: an empty submission shows no error"
            problems[f"{name} form with errors @ {width}px"] = violations(page)

        # Search: results, no results, and an error (a page of results that does not exist).
        for label, url in [
            ("results", site.urls["search"]),
            ("no results", "/zoeken/?q=onvindbaarwoord"),
            ("error", "/zoeken/?q=Linge&page=99"),
        ]:
            visit(page, url)
            problems[f"search {label} @ {width}px"] = violations(page)

    if report(problems):
        pytest.fail(report(problems), pytrace=False)


def test_member_area_has_no_violations(site, new_context):
    problems = {}
    for width, viewport in WIDTHS.items():
        page = new_context(viewport, user=site.users["chair"]).new_page()
        for name in MEMBER_PAGES:
            response = visit(page, site.urls[name])
            assert response.status == 200, f"{name}: {response.status}"
            problems[f"{name} {site.urls[name]} @ {width}px"] = violations(page)
        for name, url_name, selector in MEMBER_FORMS:
            visit(page, site.urls[url_name])
            submit_empty(page, selector)
            assert page.locator(".form-field__error").count(), f"{name}: no error shown"
            problems[f"{name} form with errors @ {width}px"] = violations(page)

    if report(problems):
        pytest.fail(report(problems), pytrace=False)
