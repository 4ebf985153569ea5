"""In-process measurements: the URLs of each page type, their render time (Django test
client, after warm-up), SQL queries and bytes, and the cost of publishing a notice."""

import cProfile
import datetime
import io
import pstats
import statistics
import time
import uuid

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page

from agenda.models import ActionPointPage, KernagendaOverviewPage, KernagendaPage
from events.models import EventOverviewPage
from home.models import HomePage
from kernen.models import KernPage
from news.constants import Impact
from news.models import NewsIndexPage, NewsPage, WorkNoticeIndexPage, WorkNoticePage

SEARCH_QUERY = "dorp"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def page_urls() -> dict[str, str]:
    """One URL per page type, on the first municipality and its kern Beesd (or its first)."""
    home = HomePage.objects.order_by("path").first()

    def url(page):
        return "/" + page.url_path[len(home.url_path) :]

    kerns = KernPage.objects.child_of(home)
    kern = kerns.filter(slug="beesd").first() or kerns.order_by("path").first()
    kernagenda = KernagendaPage.objects.child_of(kern).first()
    news = NewsPage.objects.live().descendant_of(kern).order_by("-date", "-pk").first()
    point = ActionPointPage.objects.live().child_of(kernagenda).order_by("-pk").first()
    notice = WorkNoticePage.objects.live().filter(kernen=kern).order_by("-start_date").first()
    urls = {
        "home": "/",
        "kern": url(kern),
        "news_index": url(NewsIndexPage.objects.child_of(kern).first()),
        "news_item": url(news) if news else None,
        "kernagenda": url(kernagenda),
        "action_point": url(point) if point else None,
        "kernagendas": url(KernagendaOverviewPage.objects.child_of(home).first()),
        "werkzaamheden": url(WorkNoticeIndexPage.objects.child_of(home).first()),
        "notice": url(notice) if notice else None,
        "activities": url(EventOverviewPage.objects.child_of(home).first()),
        "search": f"/zoeken/?q={SEARCH_QUERY}",
        "rss": f"{url(kern)}rss/",
        "ics": f"{url(kern)}agenda.ics",
    }
    return {key: value for key, value in urls.items() if value}


def measure_url(client: Client, url: str, *, warmup: int, samples: int) -> dict:
    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    times, cpu = [], []
    for _ in range(samples):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return {
        "url": url,
        "render_p50_ms": statistics.median(times),
        "render_p95_ms": percentile(times, 0.95),
        # CPU time of this process: the Python share of the render, which other processes
        # on a busy machine slow down less than the wall clock (database time excluded).
        "cpu_p50_ms": statistics.median(cpu),
        "queries": len(queries),
        "bytes": len(response.content),
        "status": response.status_code,
    }


def profile_url(client: Client, url: str, *, warmup: int, samples: int, top: int = 10) -> str:
    """cProfile of ``samples`` requests of ``url`` after ``warmup``: the ``top`` functions by
    cumulative CPU time of this process, as text (``bench_measure --profile``). CPU time, not
    the wall clock: waiting for the database or for other people's processes on a shared
    machine is left out, as in the CPU column of the measurements."""
    for _ in range(warmup):
        client.get(url)
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    for _ in range(samples):
        client.get(url)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    return f"{url}: {samples} requests\n{out.getvalue()}"


#: Slugs of the notices publish_cost makes (and deletes again).
PUBLISH_SLUG = "afsluiting-benchmark-"


def delete_with_translations(pages) -> int:
    """Delete ``pages`` (a queryset) and their copies in the other language trees (the
    aliases publishing gave them, and translations), so that the site is as it was.
    Returns how many pages were deleted."""
    keys = pages.values("translation_key")
    found = list(Page.objects.filter(translation_key__in=keys).specific())
    for page in found:
        page.delete()
    return len(found)


def publish_cost(*, repeats: int = 5) -> dict:
    """Publish a new work notice for every kern with ``revision.publish()`` (what the admin's
    publish button calls after saving the revision), ``repeats`` times; then delete them and
    their copies in /en/ and /pl/ (and those an interrupted earlier run left behind)."""
    delete_with_translations(WorkNoticePage.objects.filter(slug__startswith=PUBLISH_SLUG))
    home = HomePage.objects.order_by("path").first()
    index = WorkNoticeIndexPage.objects.child_of(home).first()
    kernen = list(KernPage.objects.child_of(home))
    today = timezone.localdate()
    times, query_counts, made = [], [], []
    for number in range(repeats):
        notice = WorkNoticePage(
            title=f"Afsluiting benchmark {number + 1}",
            slug=f"{PUBLISH_SLUG}{uuid.uuid4().hex[:8]}",
            summary="De weg is dicht voor onderhoud.",
            start_date=today,
            end_date=today + datetime.timedelta(days=7),
            location_text="Dorpsstraat",
            impact=Impact.ROAD_CLOSED,
            live=False,
        )
        index.add_child(instance=notice)
        notice.kernen = kernen
        revision = notice.save_revision()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            revision.publish()
            times.append((time.perf_counter() - started) * 1000)
        query_counts.append(len(queries))
        made.append(notice.pk)
    delete_with_translations(WorkNoticePage.objects.filter(pk__in=made))
    return {
        "kernen": len(kernen),
        "how": "revision.publish() of a saved draft, in-process; e-mail and index work "
        "queued for the worker",
        "p50_ms": statistics.median(times),
        "max_ms": max(times),
        "queries": max(query_counts),
    }


def measure_site(
    *, warmup: int = 3, samples: int = 30, publish: bool = True, urls: dict | None = None
) -> dict:
    client = Client()
    urls = urls or page_urls()
    result = {
        "pages_total": Page.objects.count(),
        "ceiling": measure_url(client, "/bench/ok/", warmup=warmup, samples=samples),
        "pages": {
            key: measure_url(client, url, warmup=warmup, samples=samples)
            for key, url in urls.items()
        },
    }
    if publish:
        result["publish"] = publish_cost()
    return result
