"""Lighthouse scores of the main page types on desktop and mobile (docs/bench.md#lighthouse).

    python -m bench.lighthouse [--base-url http://127.0.0.1:8131] [--serve]

Runs ``npx --yes lighthouse@12`` with Debian's Chromium (``CHROME_PATH``, default
/usr/bin/chromium) against the demo: the home page, a kern, a news item, a work notice and an
action point, found by following the demo's links from Beesd's page and kernagenda.
``--serve`` starts gunicorn with the benchmark settings
(bench/http.py: production settings, collected static files, Redis) on the database that
``DATABASE_URL`` names; without it the pages come from the server at ``--base-url``. The
PDOK map tiles are blocked (``--blocked-url-patterns``): this machine has no internet, and
Lighthouse ignores the console errors of blocked requests.
Prints a Markdown table and writes every report to bench/results/lighthouse/.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.request
from contextlib import nullcontext

from bench.http import BIN, PROJECT_DIR, gunicorn

RESULTS = PROJECT_DIR / "bench" / "results" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FORM_FACTORS = ["mobile", "desktop"]
#: Where the links to the pages are looked for.
SOURCES = ["/", "/beesd/", "/beesd/kernagenda/"]
#: Page type, and the pattern of the first link to one (None: the home page).
PAGES = [
    ("home", None),
    ("kern", r'href="(/beesd/)"'),
    ("news item", r'href="(/beesd/nieuws/[a-z0-9-]+/)"'),
    ("work notice", r'href="(/werkzaamheden/[a-z0-9-]+/)"'),
    ("action point", r'href="(/beesd/kernagenda/(?!print/)[a-z0-9-]+/)"'),
]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
        return response.read().decode()


def page_urls(base_url: str) -> dict[str, str]:
    """The demo's pages of each type: the first matching link on the pages of SOURCES."""
    html = "".join(fetch(base_url + path) for path in SOURCES)
    urls = {}
    for name, pattern in PAGES:
        found = re.search(pattern, html) if pattern else None
        if pattern and found is None:
            raise SystemExit(f"no {name} linked from {', '.join(SOURCES)} (is the demo loaded?)")
        urls[name] = found.group(1) if found else "/"
    return urls


def lighthouse(url: str, form_factor: str, output: str) -> dict[str, int]:
    """One Lighthouse run; the four category scores, 0 to 100."""
    command = [
        "npx", "--yes", "lighthouse@12", url, "--quiet", "--output=json",
        f"--output-path={output}", f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox", "--blocked-url-patterns=*service.pdok.nl*",
    ]  # fmt: skip
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env)  # noqa: S603 - fixed arguments
    with open(output, encoding="utf-8") as handle:
        report = json.load(handle)
    return {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}


def run(base_url: str) -> list[dict]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, path in page_urls(base_url).items():
        for form_factor in FORM_FACTORS:
            slug = name.replace(" ", "-")
            output = str(RESULTS / f"{slug}-{form_factor}.json")
            scores = lighthouse(base_url + path, form_factor, output)
            rows.append({"page": name, "path": path, "form_factor": form_factor, **scores})
            print(name, form_factor, scores, file=sys.stderr)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| page | path | form factor | performance | accessibility | best practices | SEO |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        scores = " | ".join(str(row[key]) for key in CATEGORIES)
        lines.append(f"| {row['page']} | `{row['path']}` | {row['form_factor']} | {scores} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8131")
    parser.add_argument("--serve", action="store_true", help="Serve with gunicorn.")
    options = parser.parse_args(argv)
    if options.serve:
        env = {"DATABASE_URL": os.environ.get("DATABASE_URL", "")}
        subprocess.run(  # noqa: S603 - our own manage.py
            [str(BIN / "python"), "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=PROJECT_DIR,
            env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"},
            check=True,
        )
        server = gunicorn(env)
    else:
        server = nullcontext(options.base_url.rstrip("/"))
    with server as base_url:
        rows = run(base_url)
    (RESULTS / "scores.json").write_text(json.dumps(rows, indent=2))
    print(table(rows))


if __name__ == "__main__":
    main()
