"""The businesses' pages in Chromium: axe-core finds no WCAG 2.2 A/AA violation on
``/bedrijven/``, a kern's businesses, a business and the registration form (as shown and with
errors) at 320, 375 and 1280 px wide, and at 320 px no page is wider than the viewport."""

from decimal import Decimal

import pytest

from businesses.factories import BusinessPageFactory
from businesses.models import BusinessIndexPage
from tests.browser.axe import report, violations
from tests.browser.test_axe import submit_empty, visit
from tests.browser.test_reflow import overflow

pytestmark = pytest.mark.browser

WIDTHS = {
    "320": {"width": 320, "height": 720},
    "375": {"width": 375, "height": 812},
    "1280": {"width": 1280, "height": 900},
}


@pytest.fixture
def businesses(site):
    """Three businesses in Beesd (one with a long name and no place on the map); the URLs."""
    beesd = site.objects["beesd"]
    index = BusinessIndexPage.objects.child_of(beesd).get()
    bakery = BusinessPageFactory(
        parent=index,
        title="Bakkerij Van Rossum",
        slug="bakkerij",
        address="Voorstraat 12, Beesd",
        latitude=Decimal("51.8885"),
        longitude=Decimal("5.1930"),
        website="https://bakkerij.example/",
    )
    BusinessPageFactory(
        parent=index,
        title="Fietsenmaker De Linge",
        kind="vakman",
        latitude=Decimal("51.8870"),
        longitude=Decimal("5.1900"),
    )
    BusinessPageFactory(
        parent=index,
        title="Hoveniersbedrijf en Tuincentrum Geldermalsen-Beesd Onderhoudsdiensten",
        kind="dienst",
        address="Industrieweg 140, 4153 BW Beesd",
    )
    return {
        "overview": "/bedrijven/",
        "kern": index.url,
        "business": bakery.url,
        "register": f"{index.url}aanmelden/",
    }


def test_the_business_pages_have_no_violations_and_fit_a_phone(
    site, businesses, new_context, blocked_hosts
):
    problems, too_wide = {}, []
    for width, viewport in WIDTHS.items():
        page = new_context(viewport).new_page()
        for name, url in businesses.items():
            response = visit(page, url)
            assert response.status == 200, f"{name}: {response.status}"
            assert "Bakkerij Van Rossum" in page.content() or name == "register", name
            problems[f"{name} {url} @ {width}px"] = violations(page)
            if width == "320":
                too_wide.append(overflow(page, f"{name} {url}"))
        submit_empty(page, "main form")
        assert page.locator("[role=alert], .form-field__error").count(), "no error shown"
        problems[f"register with errors @ {width}px"] = violations(page)
        if width == "320":
            too_wide.append(overflow(page, "register with errors"))

    if report(problems):
        pytest.fail(report(problems), pytrace=False)
    assert [line for line in too_wide if line] == []
