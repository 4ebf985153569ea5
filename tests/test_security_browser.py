"""In Debian's Chromium: the admin page editor (with its preview panel) and the public pages
log no Content-Security-Policy violation. One test: a transactional test empties the
database (Wagtail's root page too) when it ends."""

from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own database
    # work happens before any page is opened.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        violations = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and violations.append(message.text)
            ),
        )
        page.violations = violations
        yield page
        browser.close()


def test_admin_editor_preview_and_public_pages_log_no_csp_violation(
    live_server, browser_page, beesd_editor, beesd
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
