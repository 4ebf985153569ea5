"""Herindeling at scale: a kern with many pages (and its English and Polish copies) moved to
another municipality and back, timed (issue #19: 2,000 pages in under a minute).

``manage.py bench_herindeling --pages 2000`` on the database of ``DATABASE_URL``: it adds the
municipalities "Benchstad" and "Benchland" and the kern "Benchdorp" with ``pages`` news items
the first time (kept for the next run), then moves the kern there and back."""

import datetime
import time

from django.test.utils import override_settings

from wagtail.models import Page

from home.locales import default_locale, sync_language_trees
from kernen.herindeling import move_kern
from kernen.models import KernPage
from kernen.provisioning import provision_kern, provision_municipality
from news.models import NewsIndexPage, NewsPage


def big_kern(pages: int, say=print) -> tuple[KernPage, list]:
    """The kern "Benchdorp" with ``pages`` news items, in every language tree."""
    with override_settings(PROVISION_LANGUAGES=True):
        homes = [
            provision_municipality(name, hostname=f"{name.lower()}.localhost")[0]
            for name in ("Benchstad", "Benchland")
        ]
        kern = KernPage.objects.filter(title="Benchdorp", locale=default_locale()).first()
        if kern is None:
            kern, _report = provision_kern(homes[0], "Benchdorp")
    index = NewsIndexPage.objects.child_of(kern).get()
    present = NewsPage.objects.child_of(index).count()
    for number in range(present, pages):
        index.add_child(
            instance=NewsPage(
                title=f"Bericht {number}", intro="Kort.", date=datetime.date(2026, 1, 1)
            )
        )
        if (number + 1) % 500 == 0:
            say(f"  {number + 1}/{pages} nieuwsberichten")
    if present < pages:
        with override_settings(PROVISION_LANGUAGES=True):
            sync_language_trees()  # their English and Polish aliases
    return KernPage.objects.get(pk=kern.pk), homes


def measure(pages: int = 2000, say=print) -> dict:
    kern, homes = big_kern(pages, say)
    total = sum(
        Page.objects.descendant_of(copy, inclusive=True).count()
        for copy in Page.objects.filter(translation_key=kern.translation_key)
    )
    result = {"pages": total}
    for label in ("there", "back"):
        target = next(home for home in homes if home.pk != kern.get_parent().pk)
        start = time.monotonic()
        report = move_kern(kern, target)
        result[f"{label}_seconds"] = round(time.monotonic() - start, 1)
        result["redirects"] = report.lines["redirects"][0]
        kern = KernPage.objects.get(pk=kern.pk)
    return result
