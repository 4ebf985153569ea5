"""Search indexing in bulk for commands that write a lot at once (``load_demo``).

Every save of an indexed model updates the search index by itself (modelsearch's ``post_save``
handler): one index write per save, and a page published with a revision is saved three or
four times. Inside ``deferred_indexing()`` the saves are only noted; when the block ends, each
object is indexed once, a model at a time. Deletions still reach the index at once.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save

from wagtail.models import Page

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

DISPATCH_UID = "search.indexing.deferred"


def _auto_updated_models():
    return [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]


@contextmanager
def deferred_indexing():
    """Index what is saved inside the block once per object, in bulk, when the block ends
    without an error."""
    saved = defaultdict(set)

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    models = _auto_updated_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(note, sender=model, weak=False, dispatch_uid=DISPATCH_UID)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=DISPATCH_UID)
            post_save.connect(post_save_signal_handler, sender=model)
    index_objects(saved)


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
