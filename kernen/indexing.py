"""Search indexing and Wagtail's reference index in bulk for commands that write a lot at once
(``load_demo``).

Every save of an indexed model updates the search index by itself (modelsearch's ``post_save``
handler): one index write per save, and a page published with a revision is saved three or
four times. Inside ``deferred_indexing()`` the saves are only noted; when the block ends, each
object is indexed once, a model at a time. Deletions still reach the index at once.

Wagtail's reference index ("usage" in the admin) does the same on every save of a tracked model,
and on every save of an inline child it indexes the child's parent again.
``deferred_reference_index()`` notes those saves and updates the index once per object when the
block ends; deletions still remove their references at once.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save

from modelcluster.fields import ParentalKey
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

DISPATCH_UID = "search.indexing.deferred"
REFERENCES_DISPATCH_UID = "kernen.indexing.deferred_references"


def _auto_updated_models():
    return [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]


@contextmanager
def _noting_saves(models, receiver, dispatch_uid):
    """Inside the block ``receiver`` (a ``post_save`` receiver) is off for ``models``, and
    their saves are noted instead: yields the ``(model, pk)`` saved, in the order of their
    first save."""
    saved = {}

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault((sender, instance.pk), None)

    for model in models:
        post_save.disconnect(receiver, sender=model)
        post_save.connect(note, sender=model, weak=False, dispatch_uid=dispatch_uid)
    try:
        yield saved
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=dispatch_uid)
            post_save.connect(receiver, sender=model)


@contextmanager
def deferred_indexing():
    """Index what is saved inside the block once per object, in bulk, when the block ends
    without an error."""
    with _noting_saves(_auto_updated_models(), post_save_signal_handler, DISPATCH_UID) as saved:
        yield
    pks_by_model = defaultdict(set)
    for model, pk in saved:
        pks_by_model[model].add(pk)
    index_objects(pks_by_model)


def index_objects(pks_by_model, backends=None) -> int:
    """Add or update these objects (``{model: pks}``; ``{Page: pks}`` for pages of any type)
    in ``backends``, by default every auto-updated search backend; pages as their specific
    type. Returns how many objects were indexed."""
    if backends is None:
        backends = [
            backend for _name, backend in index.get_search_backends_with_name(with_auto_update=True)
        ]
    page_pks = set()
    by_model = defaultdict(list)
    for model, pks in pks_by_model.items():
        if issubclass(model, Page):
            page_pks |= set(pks)
        else:
            by_model[model] = list(model.get_indexed_objects().filter(pk__in=pks))
    if page_pks:
        pages_by_type = defaultdict(list)
        for page in Page.objects.filter(pk__in=page_pks).specific():
            pages_by_type[type(page)].append(page)
        for model, pages in pages_by_type.items():
            if model in index.get_indexed_models():
                indexed = set(
                    model.get_indexed_objects()
                    .filter(pk__in=[p.pk for p in pages])
                    .values_list("pk", flat=True)
                )
                by_model[model] = [page for page in pages if page.pk in indexed]
    count = 0
    for model, objects in by_model.items():
        if not objects:
            continue
        for backend in backends:
            backend.add_bulk(model, objects)
        count += len(objects)
    return count


@contextmanager
def deferred_reference_index():
    """Update Wagtail's reference index for what is saved inside the block once per object,
    when the block ends without an error, as ``wagtail.tasks.update_reference_index_task``
    would after each save."""
    models = list(ReferenceIndex.tracked_models)
    with _noting_saves(models, update_reference_index_on_save, REFERENCES_DISPATCH_UID) as saved:
        yield
    owners = _reference_owners(saved)
    ordered = list(dict.fromkeys(owners[key] for key in saved if key in owners))
    pks_by_model = defaultdict(list)
    for model, pk in ordered:
        pks_by_model[model].append(pk)
    objects = {}
    for model, pks in pks_by_model.items():
        if ReferenceIndex.is_indexed(model):
            objects.update({(model, obj.pk): obj for obj in model._base_manager.filter(pk__in=pks)})
    with transaction.atomic():
        for key in ordered:
            if key in objects:
                ReferenceIndex.create_or_update_for_object(objects[key])


def _reference_owners(keys) -> dict:
    """For each (model, pk) that still exists: the (model, pk) whose references Wagtail updates
    after it is saved, the object itself or, for an inline child, its parent (the
    ``ParentalKey`` that ``update_reference_index_task`` follows)."""
    pks_by_model = defaultdict(set)
    for model, pk in keys:
        pks_by_model[model].add(pk)
    owners, parents = {}, {}
    for model, pks in pks_by_model.items():
        rows = model._base_manager.filter(pk__in=pks)
        parental_keys = [f for f in model._meta.get_fields() if isinstance(f, ParentalKey)]
        if not parental_keys:
            owners.update({(model, pk): (model, pk) for pk in rows.values_list("pk", flat=True)})
            continue
        key = parental_keys[0]
        for pk, parent_pk in rows.values_list("pk", key.attname):
            if parent_pk is not None:
                parents[(model, pk)] = (key.related_model, parent_pk)
    if parents:
        above = _reference_owners(set(parents.values()))
        owners.update(
            {child: above[parent] for child, parent in parents.items() if parent in above}
        )
    return owners
