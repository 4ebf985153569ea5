"""In Chromium: the admin page editor (with its preview panel) and the public pages log no
Content-Security-Policy violation."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser_page(beesd_editor, beesd, browser):
    """A page that collects the CSP violations Chromium logs; opened after the editor and
    Beesd exist (the browser fixture explains why)."""
    page = browser.new_context().new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    page.violations = violations
    return page


def test_admin_editor_preview_and_public_pages_log_no_csp_violation(
    live_server, beesd_editor, beesd, browser_page
):
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", beesd_editor.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{beesd.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_title").input_value() == "Beesd"
    # The preview panel: Wagtail renders the page in a same-origin frame.
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").first.wait_for()
    page.goto(f"{live_server.url}/admin/images/")
    page.wait_for_load_state("networkidle")
    assert page.violations == []

    # The public pages, with the editor's userbar on them.
    for path in ("/", "/beesd/", "/werkzaamheden/", "/inloggen/", "/zoeken/?q=beesd"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")

    assert page.violations == []
