"""Search latency on the demo and on a generated site: p50/p95 per query (not a test).

    createdb -h 127.0.0.1 -U postgres kp_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kp_bench \\
        .venv/bin/python -m bench.search_bench --pages 50000

Steps: migrate and load the demo (idempotent), measure; then add ``--pages`` plain pages spread
over the kernen (bulk inserts, indexed with Wagtail's backend, each with ~40 words of Dutch
body text written straight into the search index), measure again. Generated pages are kept
between runs, so a second run with the same ``--pages`` measures only. ``--as-is`` measures the
database as it is, without migrating or adding anything (e.g. a copy of ``make bench``'s large
site, ``kp_bench_large``).

Each query is measured with the search cache off (``SEARCH_CACHE_SECONDS=0``) and without the
per-visitor limit: the match alone (``engine.find``), the whole results page through Django's
test client (``page``, with its SQL queries) and the suggestions endpoint (``suggest``); then
the results page once more with the cache on, the same query twice (``cached``: the second).
Prints one table in milliseconds.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from kernen.models import KernPage  # noqa: E402
from search import engine  # noqa: E402

QUERIES = [
    "dorp",
    "fietspad",
    "werkzaamheden",
    "verkeersveiligheid",
    "dorpshuis",
    "speeltuin",
    "Beesd",
    "kermis beesd",
    "onvindbaarwoord",
]
SUBJECTS = [
    "Wegwerkzaamheden",
    "Speeltuinrenovatie",
    "Fietspadonderhoud",
    "Dorpshuis",
    "Kermis",
    "Snoeiavond",
    "Buurtbarbecue",
    "Zwerfafvalactie",
    "Verkeersveiligheid",
    "Glasvezel",
    "Ledenvergadering",
    "Speeltuin",
    "Fietspaden",
    "Rioolwerkzaamheden",
    "Jeugdsoos",
    "Ouderenmiddag",
]
WORDS = (  # noqa: SIM905 - a sentence of words reads better than a list of 58 strings
    "de het een en van in op met voor aan bij naar over door straat plein dorp kern school "
    "kinderen ouders bewoners gemeente vrijwilligers bestuur avond middag zomer winter "
    "afsluiting omleiding bus fiets auto parkeren veilig groen bomen water dijk Linge Waal "
    "overlast planning bijeenkomst inloop koffie vragen informatie aanmelden meedoen "
    "werkzaamheden speeltoestel bankje verlichting stoep riolering glasvezelkabel"
).split()


def measure(function, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95


def run_measurements(label, repeat):
    site = Site.objects.get(is_default_site=True)
    scope = engine.Scope.for_site(site)
    client = Client()
    host = site.hostname if site.hostname != "*" else "localhost"
    pages = Page.objects.count()
    print(f"\n## {label}: {pages} pages, {len(scope.kernen)} kernen ({connection.vendor})")
    print(
        f"{'query':20} {'hits':>5} {'match':>13} {'page':>13} {'queries':>7} "
        f"{'suggest':>13} {'cached':>7}"
    )
    print(f"{'':20} {'':>5}" + f" {'p50 / p95':>13}" * 2 + f" {'':>7} {'p50 / p95':>13} {'p50':>7}")
    with override_settings(SEARCH_CACHE_SECONDS=0, SEARCH_RATE_LIMIT=10**9,
                           SEARCH_SUGGESTIONS_RATE_LIMIT=10**9):  # fmt: skip
        for query in QUERIES:
            hits = len(engine.find(scope, query))
            match = measure(lambda q=query: engine.find(scope, q), repeat)
            page = measure(lambda q=query: client.get("/zoeken/", {"q": q}, HTTP_HOST=host), repeat)
            reset_queries()  # a request empties the log: count from an empty one
            with CaptureQueriesContext(connection) as queries:
                client.get("/zoeken/", {"q": query}, HTTP_HOST=host)
            suggest = measure(
                lambda q=query: client.get("/zoeken/suggesties/", {"q": q}, HTTP_HOST=host), repeat
            )
            with override_settings(SEARCH_CACHE_SECONDS=60):
                cached = measure(
                    lambda q=query: client.get("/zoeken/", {"q": q}, HTTP_HOST=host), repeat
                )
            cells = [f"{p50:6.1f} /{p95:6.1f}" for p50, p95 in (match, page)]
            print(
                f"{query:20} {hits:>5} {cells[0]} {cells[1]} {len(queries):>7} "
                f"{suggest[0]:6.1f} /{suggest[1]:6.1f} {cached[0]:7.1f}"
            )


def generate(total, seed=7):
    """Add plain pages below the kernen until the site has ``total`` generated pages."""
    marker = "Gegenereerd"
    existing = Page.objects.filter(title__startswith=marker).count()
    if existing >= total:
        print(f"{existing} generated pages present")
        return
    rng = random.Random(seed + existing)  # noqa: S311 - test content, not secrets
    kernen = list(KernPage.objects.live().order_by("path"))
    content_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    backend = get_search_backend()
    index = backend.get_index_for_model(Page)
    started = time.perf_counter()
    batch_size = 2000
    for batch_start in range(existing, total, batch_size):
        count = min(batch_size, total - batch_start)
        with transaction.atomic():
            new_pages = []
            per_kern = {}
            for number in range(batch_start, batch_start + count):
                kern = kernen[number % len(kernen)]
                per_kern[kern.pk] = per_kern.get(kern.pk, 0) + 1
                kern.numchild += 1
                slug = f"gegenereerd-{number}"
                title = f"{marker} {rng.choice(SUBJECTS)} {kern.title} {number}"
                new_pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(kern.path, kern.depth + 1, kern.numchild),
                        depth=kern.depth + 1,
                        numchild=0,
                        url_path=f"{kern.url_path}{slug}/",
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=kern.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(new_pages)
            for kern in kernen:
                if kern.pk in per_kern:
                    Page.objects.filter(pk=kern.pk).update(numchild=kern.numchild)
            created = list(Page.objects.filter(slug__in=[page.slug for page in new_pages]))
            index.add_items(Page, created)
            if engine.uses_postgres_index():
                _add_body_text(created, rng)
        done = batch_start + count
        print(f"  {done} pages generated ({time.perf_counter() - started:.0f} s)", flush=True)


def _add_body_text(pages, rng):
    """About 40 words of Dutch per page, written into the index (plain pages index only their
    title; real content types index their body too)."""
    config = get_search_backend().config
    rows = []
    for page in pages:
        words = [rng.choice(WORDS) for _ in range(40)]
        words.insert(rng.randrange(40), rng.choice(SUBJECTS).lower())
        rows.append((str(page.pk), " ".join(words)))
    values = ", ".join(["(%s, %s)"] * len(rows))
    params = [value for row in rows for value in row]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailsearch_indexentry AS entry "  # noqa: S608 - placeholders only
            f"SET body_text = data.text, body = to_tsvector(%s::regconfig, data.text) "
            f"FROM (VALUES {values}) AS data(object_id, text) "
            "WHERE entry.object_id = data.object_id",
            [config, *params],
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50_000, help="generated pages (default 50000)")
    parser.add_argument("--repeat", type=int, default=30, help="runs per query (default 30)")
    parser.add_argument("--skip-demo", action="store_true", help="do not measure the demo alone")
    parser.add_argument(
        "--as-is", action="store_true", help="measure the database as it is (no migrate, no pages)"
    )
    options = parser.parse_args()
    if options.as_is:
        run_measurements("as is", options.repeat)
        return

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    if not options.skip_demo and not Page.objects.filter(title__startswith="Gegenereerd"):
        run_measurements("demo", options.repeat)
    if options.pages:
        generate(options.pages)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")
        run_measurements(f"demo + {options.pages} generated pages", options.repeat)


if __name__ == "__main__":
    main()
