"""Build a site of any size on the current database, fast: ``manage.py generate_site``.

Pages are created in bulk, not one ``add_child`` + ``save_revision`` + ``publish`` at a time
(about 40 queries a page). For each batch:

1. tree paths are computed here, after the parent's last child (treebeard's own
   ``_get_path``), with ``depth``, ``url_path`` and the parents' ``numchild`` kept right;
2. the base ``wagtailcore_page`` rows are bulk-created (Django refuses ``bulk_create`` on a
   multi-table-inherited model, but the base model alone is fine and returns the ids), then
   the specific rows are inserted with the same ids through the manager's ``_insert`` — the
   call ``bulk_create`` itself makes — for the model's own columns only;
3. child rows (progress updates) and many-to-many rows (a notice's kernen, an action point's
   partner kernen) are bulk-created;
4. one revision per page holds ``serializable_data()``, exactly what ``save_revision`` stores,
   and ``latest_revision``/``live_revision`` point to it: the page is live and has no
   unpublished changes, like a page published in the admin;
5. the search index gets the pages in batches (``backend.add_bulk``, what ``update_index``
   does), with related fields prefetched;
6. PostgreSQL's planner statistics are refreshed (``ANALYZE``).

Wagtail's reference index (the "usage" counts in the admin) is not filled: generated pages
refer to no images, documents or other pages in their text, and filling it costs a few
queries per page. ``manage.py rebuild_references_index`` fills it when wanted.

Everything random comes from one ``random.Random(seed)``: the same seed on the same starting
database gives the same site. Dates are counted from ``--today`` (default: today), so a
seed and a day fix the site.
"""

import datetime
import random
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from agenda.constants import CarrierKind, Status
from agenda.models import ActionPointPage, KernagendaPage, ProgressUpdate, Theme
from events.models import EventIndexPage, EventPage
from home.factories import simple_pdf
from home.models import HomePage
from kernen.factories import KernFactory, MunicipalityFactory
from kernen.models import InspirationIndexPage, InspirationPage, KernPage
from members.factories import (
    DocumentFactory,
    MeetingFactory,
    PollFactory,
    PollOptionFactory,
    PostFactory,
    ThreadFactory,
)
from members.models import Meeting, Poll, PollOption, Post, Thread, Workspace
from news.constants import Impact
from news.models import NewsIndexPage, NewsPage, WorkNoticeIndexPage, WorkNoticePage
from portal.database import analyze

BATCH = 1000
MUNICIPALITY = "Gemeente Benchmark"

#: Share of a kern's pages per type; notices are the municipality's, one per kern's share.
MIX = (
    ("news", 0.40),
    ("event", 0.25),
    ("action_point", 0.15),
    ("story", 0.10),
    ("notice", 0.10),
)

WORDS = (
    "dorp",
    "kern",
    "buurt",
    "straat",
    "plein",
    "school",
    "kerk",
    "dijk",
    "rivier",
    "polder",
    "fiets",
    "brug",
    "speeltuin",
    "bankje",
    "boom",
    "groen",
    "vereniging",
    "bewoners",
    "feest",
    "markt",
    "concert",
    "wandeling",
    "sport",
    "voetbal",
    "zwembad",
    "bibliotheek",
    "jeugd",
    "ouderen",
    "zorg",
    "verkeer",
    "veiligheid",
    "parkeren",
    "wegwerkzaamheden",
    "riolering",
    "glasvezel",
    "energie",
    "zonnepanelen",
    "duurzaam",
    "afval",
    "container",
    "verlichting",
    "stoep",
    "bushalte",
    "gemeente",
    "raad",
    "plan",
    "idee",
    "project",
    "budget",
    "vrijwilligers",
    "werkgroep",
    "inloopavond",
    "enquête",
)
STREETS = ("Dorpsstraat", "Kerkstraat", "Molenweg", "Dijkweg", "Schoolstraat", "Lingedijk")
THEMES = (("Verkeer en veiligheid", "verkeer"), ("Groen en openbare ruimte", "groen"),
          ("Voorzieningen", "voorzieningen"), ("Samen leven", "samen"))  # fmt: skip


class Progress:
    """A progress bar on a terminal, a line per tenth on anything else."""

    def __init__(self, total: int, label: str, stream=None):
        self.total, self.label, self.done = max(total, 1), label, 0
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = time.monotonic()
        self._last_tenth = -1

    def advance(self, count: int) -> None:
        self.done += count
        fraction = min(self.done / self.total, 1)
        elapsed = time.monotonic() - self.started
        if self.tty:
            bar = "#" * int(fraction * 30)
            self.stream.write(
                f"\r{self.label:<22} [{bar:<30}] {self.done}/{self.total} ({elapsed:.0f} s)"
            )
            if fraction >= 1:
                self.stream.write("\n")
            self.stream.flush()
        elif int(fraction * 10) > self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.stream.write(f"{self.label}: {self.done}/{self.total} ({elapsed:.0f} s)\n")


class Words:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def phrase(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def title(self, count: int = 5) -> str:
        return self.phrase(count).capitalize()

    def sentence(self, count: int = 14) -> str:
        return self.phrase(count).capitalize() + "."

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence(self.rng.randint(8, 18)) for _ in range(sentences))


@dataclass
class Pending:
    parent: Page
    page: Page
    #: Called with the saved page, returns child/m2m rows as {model: [objects]}.
    extra: dict = field(default_factory=dict)


class BulkPages:
    """Collects new live pages and writes them in batches, treebeard- and Wagtail-consistent."""

    def __init__(self, rng: random.Random, progress: Progress | None = None):
        self.rng = rng
        self.progress = progress
        self.pending: list[Pending] = []
        self.next_step: dict[int, int] = {}
        self.created: dict[type, list[int]] = defaultdict(list)
        self.page_type = ContentType.objects.get_for_model(Page)

    def _step(self, parent: Page) -> int:
        if parent.pk not in self.next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) if last else 0
        self.next_step[parent.pk] += 1
        return self.next_step[parent.pk]

    def add(self, parent: Page, page: Page, when: datetime.datetime, **extra) -> None:
        page.path = Page._get_path(parent.path, parent.depth + 1, self._step(parent))
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = ContentType.objects.get_for_model(type(page))
        page.locale_id = parent.locale_id
        page.translation_key = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = when
        page.latest_revision_created_at = when
        self.pending.append(Pending(parent, page, extra))
        if len(self.pending) >= BATCH:
            self.flush()

    @transaction.atomic
    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        bases = [
            Page(**{f.attname: getattr(item.page, f.attname) for f in base_fields})
            for item in batch
        ]
        Page.objects.bulk_create(bases)
        by_model = defaultdict(list)
        for item, base in zip(batch, bases, strict=True):
            item.page.pk = item.page.page_ptr_id = base.pk
            item.page._state.adding = False
            by_model[type(item.page)].append(item)

        for model, items in by_model.items():
            fields = list(model._meta.local_concrete_fields)
            pages = [item.page for item in items]
            size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
            for start in range(0, len(pages), size):
                model._base_manager._insert(pages[start : start + size], fields=fields)
            self.created[model].extend(item.page.pk for item in items)
            self._write_relations(model, items)

        revisions = []
        for item in batch:
            page = item.page
            revisions.append(
                Revision(
                    content_type_id=page.content_type_id,
                    base_content_type_id=self.page_type.pk,
                    object_id=str(page.pk),
                    created_at=page.latest_revision_created_at,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
            )
        Revision.objects.bulk_create(revisions)
        for base, revision in zip(bases, revisions, strict=True):
            base.latest_revision_id = base.live_revision_id = revision.pk
        Page.objects.bulk_update(bases, ["latest_revision", "live_revision"])

        children = defaultdict(int)
        for item in batch:
            children[item.parent.pk] += 1
        for parent_pk, count in children.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)
        if self.progress:
            self.progress.advance(len(batch))

    def _write_relations(self, model, items) -> None:
        """Child rows and many-to-many rows; set in memory too, so ``serializable_data`` holds
        them and reads nothing from the database."""
        child_rows = defaultdict(list)
        m2m_rows = defaultdict(list)
        for item in items:
            page = item.page
            for relation in get_all_child_relations(page):
                name = relation.get_accessor_name()
                rows = item.extra.get(name, [])
                for order, row in enumerate(rows):
                    setattr(row, relation.field.attname, page.pk)
                    if hasattr(row, "sort_order"):
                        row.sort_order = order
                    child_rows[relation.related_model].append(row)
                setattr(page, name, rows)
            for m2m in model._meta.many_to_many:
                targets = item.extra.get(m2m.name)
                if targets is None:
                    continue
                through = m2m.remote_field.through
                for target in targets:
                    m2m_rows[through].append(
                        through(
                            **{
                                m2m.m2m_field_name() + "_id": page.pk,
                                m2m.m2m_reverse_field_name() + "_id": target.pk,
                            }
                        )  # fmt: skip
                    )
                setattr(page, m2m.name, targets)
        for related_model, rows in child_rows.items():
            related_model.objects.bulk_create(rows)
        for through, rows in m2m_rows.items():
            through.objects.bulk_create(rows)

    def index(self, stream=None) -> None:
        index_pages(self.created, stream)


def index_pages(created: dict, stream=None) -> None:
    """Add pages ({model: [pk, ...]}) to the search index(es) in batches, their related fields
    (tags) prefetched: one query per batch, not five per page."""
    total = sum(len(ids) for ids in created.values())
    progress = Progress(total, "Zoekindex", stream)
    backends = list(get_search_backends(with_auto_update=True))
    for model, ids in created.items():
        related = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, search_index.RelatedFields)
        ]
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            objects = list(model.objects.filter(pk__in=chunk).prefetch_related(*related))
            for backend in backends:
                backend.add_bulk(model, objects)
            progress.advance(len(objects))


GENERATED_TYPES = (NewsPage, EventPage, ActionPointPage, InspirationPage, WorkNoticePage)


def unindexed_pages() -> dict:
    """Live pages of the generated types that the database search index lacks (to finish
    an interrupted run; Elasticsearch: use ``update_index``)."""
    missing = {}
    for model in GENERATED_TYPES:
        entries = IndexEntry.objects.filter(
            content_type_id=ContentType.objects.get_for_model(model).pk,
            object_id=Cast(OuterRef("pk"), TextField()),
        )
        ids = list(
            model.objects.live()
            .filter(~Exists(entries))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if ids:
            missing[model] = ids
    return missing


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


def counts_per_kern(pages_per_kern: int) -> dict[str, int]:
    counts = {kind: int(pages_per_kern * share) for kind, share in MIX}
    counts["news"] += pages_per_kern - sum(counts.values())
    return counts


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
    themes = list(Theme.objects.order_by("sort_order", "pk")) or [
        Theme.objects.create(name=name, slug=slug, sort_order=order)
        for order, (name, slug) in enumerate(THEMES)
    ]
    total = pages_per_kern * len(site.kernen)
    writer = BulkPages(rng, Progress(total, "Pagina's", stream))
    run = f"{seed:x}"

    def moment(days_back: int) -> datetime.datetime:
        return noon - datetime.timedelta(days=days_back, minutes=rng.randint(0, 600))

    for kern_number, kern in enumerate(site.kernen):
        news_index = NewsIndexPage.objects.child_of(kern).first()
        events = EventIndexPage.objects.child_of(kern).first()
        agenda = KernagendaPage.objects.child_of(kern).first()
        stories = InspirationIndexPage.objects.child_of(kern).first()
        for number in range(counts["news"]):
            days = rng.randint(0, 5 * 365)
            writer.add(news_index, NewsPage(
                title=words.title(), slug=f"nieuws-{run}-{kern_number}-{number}",
                date=today - datetime.timedelta(days=days), intro=words.sentence(),
                body=[{"type": "paragraph", "value": f"<p>{words.paragraph()}</p>"}
                      for _ in range(rng.randint(1, 4))],
            ), moment(days))  # fmt: skip
        for number in range(counts["event"]):
            days = rng.randint(-365, 365)
            start = noon - datetime.timedelta(days=days, hours=rng.randint(-4, 8))
            writer.add(events, EventPage(
                title=words.title(4), slug=f"activiteit-{run}-{kern_number}-{number}",
                start=start, end=start + datetime.timedelta(hours=rng.randint(1, 4)),
                summary=words.sentence(), description=f"<p>{words.paragraph()}</p>",
                location=f"{rng.choice(STREETS)} {rng.randint(1, 120)}, {kern.title}",
                organiser=f"Werkgroep {words.phrase(1)}",
            ), moment(max(days, 0) + 14))  # fmt: skip
        for number in range(counts["action_point"]):
            days = rng.randint(0, 4 * 365)
            updates = [
                ProgressUpdate(
                    date=today - datetime.timedelta(days=days - step * 30),
                    text=words.sentence(),
                    new_status=rng.choice(Status.values),
                )
                for step in range(rng.randint(0, 3))
                if days - step * 30 >= 0
            ]
            status = updates[-1].new_status if updates else Status.IDEA
            partners = rng.sample(site.kernen, min(len(site.kernen), rng.randint(0, 2)))
            writer.add(agenda, ActionPointPage(
                title=words.title(), slug=f"actiepunt-{run}-{kern_number}-{number}",
                summary=words.sentence(), theme=rng.choice(themes), status=status,
                carrier_kind=rng.choice(CarrierKind.values), carrier_name=words.title(2),
                description=[{"type": "paragraph", "value": f"<p>{words.paragraph()}</p>"}],
                kern=kern,
            ), moment(days), updates=updates,
               joint_kernen=[p for p in partners if p.pk != kern.pk])  # fmt: skip
        for number in range(counts["story"]):
            days = rng.randint(0, 6 * 365)
            writer.add(stories, InspirationPage(
                title=words.title(), slug=f"verhaal-{run}-{kern_number}-{number}",
                date=today - datetime.timedelta(days=days), intro=words.sentence(),
                body=f"<p>{words.paragraph(4)}</p>", cost=words.sentence(6),
            ), moment(days))  # fmt: skip
        for number in range(counts["notice"]):
            days = rng.randint(-60, 3 * 365)
            start = today - datetime.timedelta(days=days)
            everyone = rng.random() < 0.05
            others = rng.sample(site.kernen, min(len(site.kernen), rng.randint(0, 3)))
            targeted = [] if everyone else sorted({kern, *others}, key=lambda k: k.pk)
            writer.add(site.notices, WorkNoticePage(
                title=f"{words.title(3)} {rng.choice(STREETS)}",
                slug=f"werk-{run}-{kern_number}-{number}",
                summary=words.sentence(), body=f"<p>{words.paragraph()}</p>",
                start_date=start, end_date=start + datetime.timedelta(days=rng.randint(0, 30)),
                location_text=f"{rng.choice(STREETS)}, {kern.title}",
                impact=rng.choice(Impact.values), detour=words.sentence(),
                all_kernen=everyone,
            ), moment(max(days, 0) + 7), kernen=targeted)  # fmt: skip
    writer.flush()
    if index:
        writer.index(stream)
    result = {model._meta.label: len(ids) for model, ids in writer.created.items()}
    if board:
        result.update(generate_board(site, pages_per_kern, rng, words, noon, run))
    analyze()
    return result


def generate_board(site: Site, pages_per_kern: int, rng, words: Words, noon, run) -> dict:
    """Board content of every kern's workspace: meetings, threads with posts, polls with
    options and document rows (all pointing at one small PDF in storage). Built unsaved by
    the members factories (``build()``), written in bulk."""
    per_kern = max(pages_per_kern // 50, 1)
    Document = get_document_model()
    if Document.objects.filter(file__startswith=f"documents/bench-{run}").exists():
        return {}  # made by an earlier run with this seed
    pdf = simple_pdf("Benchmark", ["Een gegenereerd document."])
    file_name = default_storage.save(f"documents/bench-{run}.pdf", ContentFile(pdf))
    meetings, threads, posts, polls, options, documents = [], [], [], [], [], []
    workspaces = Workspace.objects.filter(page__path__startswith=site.home.path)
    for workspace in workspaces.select_related("collection").order_by("pk"):
        for number in range(per_kern):
            days = rng.randint(-60, 3 * 365)
            meetings.append(MeetingFactory.build(
                workspace=workspace, title=f"Vergadering {number + 1}",
                starts_at=noon - datetime.timedelta(days=days),
                location="Dorpshuis", agenda="\n".join(words.title(3) for _ in range(4)),
                minutes=words.paragraph() if days > 0 else "",
            ))  # fmt: skip
            moment = noon - datetime.timedelta(days=rng.randint(0, 3 * 365))
            threads.append(ThreadFactory.build(workspace=workspace, title=words.title(),
                                               created_at=moment, last_post_at=moment))  # fmt: skip
            polls.append(PollFactory.build(
                workspace=workspace, question=words.title() + "?",
                closes_at=noon + datetime.timedelta(days=rng.randint(-300, 30)),
                created_at=moment,
            ))  # fmt: skip
            documents.append(DocumentFactory.build(
                title=f"Stuk {words.title(3)}", file=file_name, file_size=len(pdf),
                collection=workspace.collection,
            ))  # fmt: skip
    with transaction.atomic():
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        Thread.objects.bulk_create(threads, batch_size=BATCH)
        for thread in threads:
            for _ in range(rng.randint(1, 4)):
                posts.append(PostFactory.build(thread=thread, body=words.paragraph(2),
                                               created_at=thread.created_at))  # fmt: skip
        Post.objects.bulk_create(posts, batch_size=BATCH)
        Poll.objects.bulk_create(polls, batch_size=BATCH)
        for poll in polls:
            options += [PollOptionFactory.build(poll=poll, label=label, sort_order=order)
                        for order, label in enumerate(("Ja", "Nee", "Weet niet"))]  # fmt: skip
        PollOption.objects.bulk_create(options, batch_size=BATCH)
        Document.objects.bulk_create(documents, batch_size=BATCH)
    return {"members.Meeting": len(meetings), "members.Thread": len(threads),
            "members.Post": len(posts), "members.Poll": len(polls),
            "wagtaildocs.Document": len(documents)}  # fmt: skip
