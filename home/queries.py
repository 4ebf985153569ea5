"""Query helpers shared by every app that lists pages."""

import threading
import uuid
from collections import defaultdict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import BooleanField, Expression, F, Value
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from home.locales import active_locale
from pagecache.invalidation import forget

# The paths of the view-restricted pages, in the cache under a version that any change to a
# restriction or a move replaces (see restricted_paths).
RESTRICTED_VERSION_KEY = "home.queries:restricted-version"
RESTRICTED_PATHS_KEY = "home.queries:restricted-paths"
#: A safety net for restrictions written without signals (bulk imports); every change through
#: the ORM or the admin takes effect at once.
RESTRICTED_PATHS_SECONDS = 10 * 60


def public(pages, locale=None):
    """``pages`` of one language tree (the active language's unless ``locale`` is given),
    without those behind a view restriction (on themselves or an ancestor).

    Every page exists once per language tree (home/locales.py), so filtering on the language
    is what keeps a listing free of doubles.

    Does what Wagtail's ``PageQuerySet.public()`` does, in the same SQL query as the listing,
    without a query of its own: the paths of the restricted pages come from the cache
    (:func:`restricted_paths`). A page lies below a restricted page when its path starts with
    that page's path; the restricted paths of one length ``n`` become one condition
    ``SUBSTRING(path, 1, n) <> ALL(%s)`` with the paths as one array parameter (on SQLite
    ``NOT IN (…)``), which PostgreSQL checks with a hash per row. (A correlated ``NOT EXISTS``
    against the restrictions, as before, compared every page of the listing with every
    restriction: 228 ms for the 5,200 notices of 55,000 pages.) The condition is one
    expression, not a Django lookup per path: building and compiling an ``IN`` lookup of 80
    paths cost about 1.3 ms of CPU per listing, several times a page.
    """
    locale = locale or active_locale()
    pages = pages.filter(locale_id=locale.pk)
    groups = _by_length(restricted_paths())
    if groups:
        pages = pages.filter(OutsidePaths(F("path"), groups))
    return pages


class OutsidePaths(Expression):
    """True for a row whose ``path`` starts with none of the paths in ``groups``
    (``((length, (path, …)), …)``): one ``SUBSTRING`` comparison per length."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, path, groups):
        super().__init__()
        self.path = path
        self.groups = groups

    def get_source_expressions(self):
        return [self.path]

    def set_source_expressions(self, expressions):
        (self.path,) = expressions

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.path)
        parts, params = [], []
        for length, paths in self.groups:
            substring = f"SUBSTR({column}, 1, {int(length)})"
            params.extend(column_params)
            if connection.vendor == "postgresql":
                parts.append(f"{substring} <> ALL(%s)")
                params.append(list(paths))
            else:
                parts.append(f"{substring} NOT IN ({', '.join(['%s'] * len(paths))})")
                params.extend(paths)
        return "(" + " AND ".join(parts) + ")", params


_groups_memo: list = [None, ()]


def _by_length(paths: tuple[str, ...]) -> tuple:
    """``paths`` grouped by length, ``((length, paths), …)``; kept while the paths stay the
    same tuple (the cache gives a new one after a change)."""
    if _groups_memo[0] != paths:
        by_length = defaultdict(list)
        for path in paths:
            by_length[len(path)].append(path)
        _groups_memo[:] = [paths, tuple((n, tuple(by_length[n])) for n in sorted(by_length))]
    return _groups_memo[1]


def restricted_paths() -> tuple[str, ...]:
    """The paths of the pages with a view restriction, leaving out those below another one
    (their pages are left out already), sorted. From the cache; one query when it has none.

    The list is stored with the version that was current when it was read from the database;
    a change replaces the version (:func:`forget_restricted_paths`), so a list read before the
    change, even one stored after it, is never used again.

    Within one request the list is read from the cache once (a kern page has seven listings);
    a change made during the request forgets it there too."""
    return _restrictions()[0]


def restriction_reach() -> tuple[str, ...]:
    """The paths at and below which a view restriction can apply to a page that is served:
    the restricted pages and the aliases of restricted pages (an alias has its source's
    restrictions, ``LanguageAliasesMixin.get_view_restrictions``), outermost only. A page whose
    path starts with none of them has no restriction to check. Read with
    :func:`restricted_paths`, in the same cache entry and the same query."""
    return _restrictions()[1]


def _restrictions() -> tuple[tuple[str, ...], tuple[str, ...]]:
    memo = getattr(_in_request, "paths", None)
    if memo is not None:
        return memo
    found = _read_restricted_paths()
    if getattr(_in_request, "active", False):
        _in_request.paths = found
    return found


def _read_restricted_paths() -> tuple[tuple[str, ...], tuple[str, ...]]:
    found = cache.get_many([RESTRICTED_VERSION_KEY, RESTRICTED_PATHS_KEY])
    version = found.get(RESTRICTED_VERSION_KEY)
    stored = found.get(RESTRICTED_PATHS_KEY)
    # An entry of another shape (written by an older release during a deployment) is read
    # again from the database, as a missing one.
    fits = isinstance(stored, tuple) and len(stored) == 3
    if version is not None and fits and stored[0] == version:
        return stored[1], stored[2]
    if version is None:
        cache.add(RESTRICTED_VERSION_KEY, uuid.uuid4().hex[:16], timeout=RESTRICTED_PATHS_SECONDS)
        version = cache.get(RESTRICTED_VERSION_KEY)
    # One query: the restricted pages' own paths, and those of their aliases.
    rows = PageViewRestriction.objects.values_list("page__path", Value(True)).union(
        Page.objects.filter(alias_of__view_restrictions__isnull=False)
        .order_by()
        .values_list("path", Value(False))
    )
    rows = list(rows)
    paths = _outermost(path for path, own in rows if own)
    reach = _outermost(path for path, _own in rows)
    if version is not None:
        cache.set(RESTRICTED_PATHS_KEY, (version, paths, reach), timeout=RESTRICTED_PATHS_SECONDS)
    return paths, reach


def _outermost(paths) -> tuple[str, ...]:
    kept: list[str] = []
    for path in sorted(set(paths)):  # an ancestor sorts before its descendants
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return tuple(kept)


def forget_restricted_paths(**kwargs) -> None:
    """After a view restriction was added, changed or removed, or pages moved: now, and once
    more when the change is committed (a list read from the database in between still showed
    the old state)."""
    if kwargs.get("raw"):
        return
    _in_request.paths = None
    forget(RESTRICTED_VERSION_KEY)
    transaction.on_commit(lambda: forget(RESTRICTED_VERSION_KEY))


#: The restricted paths read during the current request of this thread (see restricted_paths).
_in_request = threading.local()


def _request_started(**kwargs) -> None:
    _in_request.active, _in_request.paths = True, None


def _request_finished(**kwargs) -> None:
    _in_request.active, _in_request.paths = False, None


request_started.connect(_request_started, dispatch_uid="home.queries.request_started")
request_finished.connect(_request_finished, dispatch_uid="home.queries.request_finished")
post_save.connect(
    forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="home.queries.saved"
)
post_delete.connect(
    forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="home.queries.deleted"
)
post_page_move.connect(forget_restricted_paths, dispatch_uid="home.queries.moved")


def _alias_made(sender, instance, created, raw=False, **kwargs) -> None:
    """A new alias (of a page in any tree) may be one of a restricted page: its path joins
    :func:`restriction_reach`. Pages that stop being an alias, or go, only make the reach wider
    than needed until the next change: their restrictions are then checked with a query."""
    if created and isinstance(instance, Page) and instance.alias_of_id:
        forget_restricted_paths(raw=raw)


post_save.connect(_alias_made, dispatch_uid="home.queries.alias_made")
