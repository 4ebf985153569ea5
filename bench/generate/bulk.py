"""Live pages written in batches, treebeard- and Wagtail-consistent, and their search index
entries (the steps are described in ``bench.generate``)."""

import datetime
import random
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, TextField
from django.db.models.functions import Cast

from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Revision
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from agenda.models import ActionPointPage
from events.models import EventPage
from kernen.models import InspirationPage
from news.models import NewsPage, WorkNoticePage

BATCH = 1000


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
