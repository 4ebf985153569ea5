"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They run when Chromium is installed (``apt-get install -y chromium``; or set ``CHROMIUM_PATH``)
and are skipped with a reason, and a line in the terminal summary, when it is not. Playwright
never downloads a browser here. Every request to another host than the live server (map
tiles, anything else) is blocked: CI has no internet, and a test must not depend on it.
"""

import os
import shutil
import subprocess
import time
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import connections

import pytest

from tests.browser.site import build_site
from tests.snapshots import snapshot

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - requirements-dev.txt has it
    sync_playwright = None

# The live server listens on 127.0.0.1, not on "localhost" (which may resolve to ::1 first).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}
WIDTHS = {"1280": DESKTOP, "375": MOBILE}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    """Debian's Chromium, or the one ``CHROMIUM_PATH`` names; None when there is none."""
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() and os.access(candidate, os.X_OK) else None


def skip_reason():
    if sync_playwright is None:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    if chromium_path() is None:
        if os.environ.get("CHROMIUM_PATH"):
            return f"CHROMIUM_PATH={os.environ['CHROMIUM_PATH']} is not an executable"
        return "Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = skip_reason()
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    config._browser_tests = (len(browser_items), reason)
    for item in browser_items:
        # One test process runs them all (`make test` uses --dist loadgroup): one Chromium.
        item.add_marker(pytest.mark.xdist_group("browser"))
    if reason:
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=f"browser test: {reason}"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count, reason = getattr(config, "_browser_tests", (0, None))
    if count and reason:
        terminalreporter.write_sep("=", "browser tests skipped", yellow=True, bold=True)
        terminalreporter.write_line(f"{count} browser tests did NOT run: {reason}.", yellow=True)


#: Playwright's own launch arguments that shape what a page sees (no scrollbars, a mouse).
HEADLESS_ARGS = [
    "--headless",
    "--hide-scrollbars",
    "--mute-audio",
    "--force-color-profile=srgb",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--no-default-browser-check",
    "--enable-automation",
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,"
    "primaryPointerType=4,availablePointerTypes=4",
]


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """One Chromium for the whole run (per test process), started on first use; each test
    connects to it over the DevTools protocol and opens contexts of its own."""
    if skip_reason():
        pytest.skip(f"browser test: {skip_reason()}")
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(  # noqa: S603 - Debian's Chromium, our own arguments
        [
            chromium_path(),
            *CHROMIUM_ARGS,
            *HEADLESS_ARGS,
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not port_file.exists() or not port_file.read_text().strip():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"Chromium did not start (exit code {process.poll()})")
        time.sleep(0.05)
    port = port_file.read_text().split()[0]
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def browser(request, chromium):
    """The run's Chromium, connected for one test. Connected after the site is built and
    disconnected before the database is emptied: while Playwright's event loop runs in this
    thread, Django sees another connection object (asgiref's context-local), which lacks the
    test database's saved initial data."""
    if "site" in request.fixturenames:
        request.getfixturevalue("site")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # (checking what a journey stored) are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        yield browser
        browser.close()  # closes this test's contexts; Chromium keeps running
        # Close the connections the test opened while the loop ran (they belong to the loop's
        # context), or PostgreSQL cannot drop the test database at the end.
        connections.close_all()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
@snapshot
def site(live_server, django_db_serialized_rollback):
    """The small site, on the live server. The database is emptied after each test; the
    serialized rollback brings back what migrations put in it (Wagtail's root page, locales,
    the kernagenda themes)."""
    cache.clear()  # rate limits and cached fragments of a previous test
    return build_site()


@pytest.fixture
def blocked_hosts():
    """Hosts the pages tried to reach besides the live server (e.g. the map's tile server)."""
    return set()


@pytest.fixture
def new_context(browser, live_server, django_db_serialized_rollback, blocked_hosts):
    """Open a browser context at a viewport; logged in as ``user`` when given.

    Every test with the live server restores the migrations' data after the flush (serialized
    rollback): a flush without it runs post_migrate, whose new rows would clash with the
    restore of the next test."""
    contexts = []
    live_host = urlsplit(live_server.url).netloc

    def block_other_hosts(route):
        host = urlsplit(route.request.url).netloc
        if host == live_host or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked_hosts.add(host)
            route.abort()

    def make(viewport=DESKTOP, user=None):
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, locale="nl-NL", accept_downloads=True
        )
        context.set_default_timeout(10_000)
        context.route("**/*", block_other_hosts)
        if user is not None:
            context.add_cookies([session_cookie(user, live_server.url)])
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def session_cookie(user, base_url):
    """A logged-in session for ``user``, as the login form would make it."""
    backends = settings.AUTHENTICATION_BACKENDS
    backend = next((path for path in backends if path.endswith("ModelBackend")), backends[-1])
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base_url}


class Screenshots:
    """Saves ``test-results/<journey>/NN-<step>.png``, numbered in the order of the steps."""

    def __init__(self, journey):
        self.folder = RESULTS / journey
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.number = 0

    def __call__(self, page, step):
        self.number += 1
        path = self.folder / f"{self.number:02d}-{step}.png"
        page.screenshot(path=path, full_page=True)
        return path


@pytest.fixture
def screenshots(request):
    return Screenshots
