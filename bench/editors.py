"""Editors publishing while visitors read (the load test): each editor is a thread that
publishes a news item in a kern, or a work notice for a few kernen, in turn, the way the
admin's publish button does (``save_revision().publish()``)."""

import datetime
import random
import statistics
import threading
import time
import uuid

from django.db import close_old_connections, connection
from django.utils import timezone

from wagtail.models import Page

from bench.measure import delete_with_translations
from home.models import HomePage
from kernen.models import KernPage
from news.constants import Impact
from news.models import NewsIndexPage, NewsPage, WorkNoticeIndexPage, WorkNoticePage


def publish_one(rng: random.Random, number: int) -> int:
    home = HomePage.objects.order_by("path").first()
    kernen = list(KernPage.objects.child_of(home))
    today = timezone.localdate()
    suffix = uuid.uuid4().hex[:8]
    if number % 2 == 0:
        kern = rng.choice(kernen)
        page = NewsPage(
            title=f"Nieuws tijdens de belasting {suffix}", slug=f"belasting-{suffix}",
            date=today, intro="Een bericht dat verschijnt terwijl bezoekers lezen.", live=False,
        )  # fmt: skip
        NewsIndexPage.objects.child_of(kern).first().add_child(instance=page)
    else:
        page = WorkNoticePage(
            title=f"Werk tijdens de belasting {suffix}", slug=f"werk-belasting-{suffix}",
            summary="De weg is dicht.", start_date=today,
            end_date=today + datetime.timedelta(days=3), location_text="Dorpsstraat",
            impact=Impact.ROAD_CLOSED, live=False,
        )  # fmt: skip
        WorkNoticeIndexPage.objects.child_of(home).first().add_child(instance=page)
        page.kernen = rng.sample(kernen, min(len(kernen), rng.randint(1, 5)))
    page.save_revision().publish()
    return page.pk


def run_editors(*, editors: int, duration: float, interval: float, seed: int = 1) -> dict:
    stop_at = time.monotonic() + duration
    results = {"published": 0, "errors": [], "times_ms": []}
    made = []
    lock = threading.Lock()

    def editor(number: int) -> None:
        rng = random.Random(seed + number)  # noqa: S311 (test data)
        count = 0
        try:
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                try:
                    page_id = publish_one(rng, count + number)
                    with lock:
                        made.append(page_id)
                        results["published"] += 1
                        results["times_ms"].append((time.perf_counter() - started) * 1000)
                except Exception as error:  # noqa: BLE001 (counted and reported)
                    close_old_connections()
                    with lock:
                        results["errors"].append(f"{type(error).__name__}: {error}")
                count += 1
                time.sleep(interval)
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(editors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Leave the site as it was (their copies in /en/ and /pl/ too), so the next run measures
    # the same content.
    delete_with_translations(Page.objects.filter(pk__in=made))
    times = results.pop("times_ms")
    results["publish_p50_ms"] = statistics.median(times) if times else None
    results["publish_max_ms"] = max(times) if times else None
    return results
