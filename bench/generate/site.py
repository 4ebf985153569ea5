"""The benchmark site: a municipality with kernen, filled with generated pages and board
content (``generate_site``), or a cut-off run finished (``resume``)."""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from agenda.models import Theme
from home.models import HomePage
from kernen.factories import KernFactory, MunicipalityFactory
from kernen.models import KernPage
from news.models import WorkNoticeIndexPage
from portal.database import analyze

from .board import generate_board
from .bulk import BulkPages, Progress, index_pages, unindexed_pages
from .pages import KernPages, counts_per_kern
from .words import Words

MUNICIPALITY = "Gemeente Benchmark"
THEMES = (("Verkeer en veiligheid", "verkeer"), ("Groen en openbare ruimte", "groen"),
          ("Voorzieningen", "voorzieningen"), ("Samen leven", "samen"))  # fmt: skip


@dataclass
class Site:
    home: HomePage
    kernen: list
    notices: WorkNoticeIndexPage


def ensure_site(kernen: int, words: Words) -> Site:
    """The first municipality of the database with at least ``kernen`` kernen; a new
    municipality (and kernen) through the normal provisioning when there is none."""
    home = HomePage.objects.order_by("path").first()
    if home is None:
        home = MunicipalityFactory(
            title=MUNICIPALITY, hostname="localhost", port=80, is_default_site=True,
            intro="Een gemeente vol gegenereerde inhoud om de snelheid te meten.",
        )  # fmt: skip
    existing = list(KernPage.objects.child_of(home).order_by("path"))
    number = len(existing)
    while len(existing) < kernen:
        number += 1
        existing.append(KernFactory(parent=home, title=f"Kern {number}", slug=f"kern-{number}"))
    notices = WorkNoticeIndexPage.objects.child_of(home).first()
    return Site(home=home, kernen=existing[:kernen], notices=notices)


def ensure_themes() -> list:
    """The action points' themes; the standard four when the database has none."""
    return list(Theme.objects.order_by("sort_order", "pk")) or [
        Theme.objects.create(name=name, slug=slug, sort_order=order)
        for order, (name, slug) in enumerate(THEMES)
    ]


def resume(*, kernen: int, pages_per_kern: int, seed: int = 1, stream=None) -> dict:
    """Finish a run that was cut off after its pages were written: the search index entries
    and the board content it lacks."""
    missing = unindexed_pages()
    index_pages(missing, stream)
    rng = random.Random(seed)  # noqa: S311 (test data, not security)
    noon = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    site = ensure_site(kernen, Words(rng))
    result = {f"indexed {model._meta.label}": len(ids) for model, ids in missing.items()}
    result.update(generate_board(site, pages_per_kern, rng, Words(rng), noon, f"{seed:x}"))
    analyze()  # the planner's statistics still describe the site before the load
    return result


def generate_site(
    *, kernen: int, pages_per_kern: int, seed: int = 1, today=None, index: bool = True,
    board: bool = True, stream=None,
) -> dict:  # fmt: skip
    """Fill the site; returns what was created, by type."""
    rng = random.Random(seed)  # noqa: S311 (test data, not security)
    words = Words(rng)
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    noon = datetime.datetime.combine(today, datetime.time(12), tzinfo=tz)
    site = ensure_site(kernen, words)
    counts = counts_per_kern(pages_per_kern)
    total = pages_per_kern * len(site.kernen)
    writer = BulkPages(rng, Progress(total, "Pagina's", stream))
    run = f"{seed:x}"
    pages = KernPages(
        rng=rng, words=words, writer=writer, today=today, noon=noon, kernen=site.kernen,
        notices=site.notices, themes=ensure_themes(), run=run,
    )  # fmt: skip
    for kern_number, kern in enumerate(site.kernen):
        pages.add(kern_number, kern, counts)
    writer.flush()
    if index:
        writer.index(stream)
    result = {model._meta.label: len(ids) for model, ids in writer.created.items()}
    if board:
        result.update(generate_board(site, pages_per_kern, rng, words, noon, run))
    analyze()
    return result
