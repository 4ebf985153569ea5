"""Screenshots of the demo at a phone's width (375 px) for ``docs/screenshots/``: the home page,
a kern page, a work notice and a board's private area.

    make run                                      # the demo, in another terminal
    .venv/bin/python -m bench.screenshots         # --base-url, --password, --out

It drives Debian's Chromium (``CHROMIUM_PATH`` or ``chromium`` on the PATH) through Playwright,
as the browser tests do; nothing is downloaded. The board area is shown as its chair sees it
(``bestuur-beesd``, the demo's shared password).
"""

import argparse
import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PHONE = {"width": 375, "height": 812}
#: How much of a page a screenshot shows: the top of it, about two phone screens.
HEIGHT = 1600
PAGES = [
    ("home", "/", None),
    ("kern", "/beesd/", None),
    ("notice", "/werkzaamheden/herinrichting-markt-beesd/", None),
    ("board", "/beesd/bestuur/", "bestuur-beesd"),
]


def chromium() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        sys.exit("Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).")
    return path


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state("networkidle")


def draw_maps(page) -> None:
    """Bring every map of the page near the screen, so that it loads (static/js/map-loader.js
    loads Leaflet only then) and shows its markers; then back to the top."""
    for canvas in page.locator(".notice-map__canvas").all():
        canvas.scroll_into_view_if_needed()
        canvas.locator(".leaflet-marker-icon").first.wait_for(timeout=15_000)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_load_state("networkidle")


def take(base_url: str, password: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        for name, path, username in PAGES:
            context = browser.new_context(viewport=PHONE, device_scale_factor=1)
            page = context.new_page()
            if username:
                log_in(page, base_url, username, password)
            page.goto(f"{base_url}{path}")
            page.wait_for_load_state("networkidle")
            draw_maps(page)
            height = min(HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
            target = out / f"{name}-375.png"
            page.screenshot(
                path=str(target),
                full_page=True,
                clip={"x": 0, "y": 0, "width": PHONE["width"], "height": height},
            )
            written.append(target)
            context.close()
        browser.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--password", default=os.environ.get("DEMO_PASSWORD", "kernen-demo"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    for path in take(args.base_url.rstrip("/"), args.password, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
