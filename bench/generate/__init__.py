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

from .board import generate_board
from .bulk import BulkPages, Progress, index_pages, unindexed_pages
from .pages import MIX, KernPages, counts_per_kern
from .site import ensure_site, generate_site, resume
from .words import Words

__all__ = [
    "MIX",
    "BulkPages",
    "KernPages",
    "Progress",
    "Words",
    "counts_per_kern",
    "ensure_site",
    "generate_board",
    "generate_site",
    "index_pages",
    "resume",
    "unindexed_pages",
]
