"""Finding the live, public pages of one site for a query.

Two ways to match, one result:

- On PostgreSQL with Wagtail's database backend the match is one SQL query over Wagtail's own
  search index (``wagtailsearch_indexentry``): full text with the Dutch configuration
  ("fietspaden" finds "fietspad") OR, word by word, the stem or the word inside the index's
  plain text (``title_text``/``body_text``, a pg_trgm GIN index), so that "werkzaamheden" also finds
  "wegwerkzaamheden" and "speeltuin" finds "speeltuinrenovatie" (Dutch compounds, which the
  Dutch configuration does not split). The restriction to public pages is part of that query.
- Any other backend (SQLite FTS, Elasticsearch) is asked through Wagtail's search API for the
  ids of live pages of the site; one more query then keeps the public ones.

Either way the answer is a list of :class:`Hit` rows, best first and at most ``MAX_HITS``: small
tuples from which the view counts facets, filters, sorts and paginates without another query.

The work per search is bounded: the query is cut to 200 characters and 8 words
(``search.text``), at most ``MAX_HITS`` rows come back, and on PostgreSQL the match may run for
``SEARCH_TIMEOUT_MS`` at most (``statement_timeout``); a search that takes longer answers
"temporarily unavailable" instead of holding a worker. The same search (query, language,
kernen) within ``SEARCH_CACHE_SECONDS`` comes from the cache: the hits are the same for every
visitor (public pages only), and the cache key holds the page cache's content version and the
pages' generation, so a page published, unpublished, moved or restricted changes the key at
once and a private page never comes out of the cache.
"""

import hashlib
import logging
from collections import namedtuple
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connection, transaction
from django.db.models import Q

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from elasticsearch import ApiError, TransportError

from home.locales import localized, pages_generation
from home.queries import public
from kernen.models import KernPage
from pagecache.invalidation import content_version
from search import compounds
from search.text import STOP_WORDS, has_syntax, terms

#: Results beyond this many are not counted or shown; the facets count within them.
MAX_HITS = 1000

#: What the Elasticsearch client raises when the cluster is down, unreachable or refuses.
BACKEND_ERRORS = (TransportError, ApiError)

logger = logging.getLogger(__name__)

Hit = namedtuple("Hit", "pk content_type_id path published")


class Hits(list):
    """The hits of a search, best first; ``words`` are more words to highlight in the results
    (the parts of a compound word of the query: "verkeer", "veiligheid")."""

    def __init__(self, hits=(), words=()):
        super().__init__(hits)
        self.words = tuple(words)


class SearchUnavailable(Exception):
    """The search backend could not answer (Elasticsearch down or unreachable, or the search
    took longer than ``SEARCH_TIMEOUT_MS``)."""


#: PostgreSQL's SQLSTATE for a statement cancelled by ``statement_timeout``.
QUERY_CANCELED = "57014"


Kern = namedtuple("Kern", "path title slug")


@dataclass(frozen=True)
class Scope:
    """Where a search looks: the site's home page and its kernen (one query to build)."""

    root: Page
    kernen: dict  # path prefix → Kern

    @classmethod
    def for_site(cls, site):
        root = localized(site.root_page)  # the active language's tree
        rows = public(KernPage.objects.live().child_of(root)).values_list("path", "title", "slug")
        return cls(root=root, kernen={path: Kern(path, title, slug) for path, title, slug in rows})

    @property
    def kern_path_length(self):
        return (self.root.depth + 1) * Page.steplen

    def kern_of(self, path):
        """The kern a page at ``path`` belongs to, or None for the municipality's own pages."""
        return self.kernen.get(path[: self.kern_path_length])

    def kern_by_slug(self, slug):
        return next((kern for kern in self.kernen.values() if kern.slug == slug), None)


def uses_postgres_index():
    """Whether searches go to Wagtail's database backend on PostgreSQL (decided from the
    settings alone: no connection is opened)."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend.endswith(".database") and connection.vendor == "postgresql"


def stems_words():
    """Whether the search finds other forms of a word ("fietspaden" → "fietspad"): on
    PostgreSQL and Elasticsearch, not with SQLite's full-text search (``make run``)."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return uses_postgres_index() or "elasticsearch" in backend


def find(scope, query, autocomplete=False, limit=None, kernen=()):
    """The public live pages of ``scope`` that match ``query``: a list of at most ``limit``
    (default ``MAX_HITS``) :class:`Hit`, best first. ``autocomplete`` matches the beginning
    of words (suggestions while typing; on PostgreSQL the substring match does that
    already). ``kernen`` (Kern tuples) keeps the search below those kernen, so that a search
    in one kern is not cut off by ``limit`` hits elsewhere."""
    if not terms(query):
        return Hits()
    limit = limit or MAX_HITS
    key = _cache_key(scope, query, autocomplete, limit, kernen)
    if key is not None:
        hits = cache.get(key)
        if hits is not None:
            return hits
    if uses_postgres_index():
        hits = _postgres_hits(scope, query, limit, kernen)
    else:
        hits = _backend_hits(scope, query, autocomplete, limit, kernen)
    if key is not None:
        cache.set(key, hits, settings.SEARCH_CACHE_SECONDS)
    return hits


def _cache_key(scope, query, autocomplete, limit, kernen):
    """The cache key of this search, or None when its answer may not come from the cache."""
    if settings.SEARCH_CACHE_SECONDS <= 0:
        return None
    version = content_version()
    if version is None:
        return None
    parts = [
        version,
        str(pages_generation()),
        str(scope.root.pk),
        query,
        "autocomplete" if autocomplete else "",
        str(limit),
        *sorted(kern.path for kern in kernen),
    ]
    return "search:hits:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _site_pages(scope):
    return Page.objects.live().descendant_of(scope.root, inclusive=True)


def _below(pages, kernen):
    if not kernen:
        return pages
    within = Q()
    for kern in kernen:
        within |= Q(path__startswith=kern.path)
    return pages.filter(within)


#: The page id of an index entry, as an integer: the expression of the index
#: ``search_entry_page`` (search/migrations/0002), so that PostgreSQL can join pages and index
#: entries from either side (Wagtail's own join compares the id as text, which only a scan of
#: every page can do).
ENTRY_PAGE_ID = "(CASE WHEN entry.object_id ~ '^[0-9]{1,9}$' THEN entry.object_id::integer END)"


#: At least this many of the newest matching pages are ranked, also when fewer hits are asked
#: for: the eight suggestions while typing are the best of 200, not the newest eight.
MIN_CANDIDATES = 200


def _postgres_hits(scope, query, limit, kernen):
    """The hits on PostgreSQL: the compound forms of the query's words from the site's
    vocabulary (search.compounds, one query), then one query over Wagtail's index that ranks
    only the candidates: the pages titled exactly as the query (an index on the lowercase
    title) and the newest ``limit`` (at least ``MIN_CANDIDATES``) pages that match. Those
    are found by walking the pages newest first, each checked through its index entry
    (index ``search_entry_page``), or for a rare word through the GIN indexes, as PostgreSQL
    chooses. A word on tens of thousands of pages so costs about what one on a thousand
    costs."""
    config = get_search_backend().config
    words_of_query = [] if has_syntax(query) else terms(query)

    def fetch():
        words = compounds.look_up(words_of_query)
        sql, params = _ranked_candidates(scope, query, limit, kernen, config, words)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        parts = [part for word in words for part in word.parts]
        return rows, parts

    rows, parts = _within_time(fetch)
    return Hits((Hit(*row) for row in rows), words=parts)


def _ranked_candidates(scope, query, limit, kernen, config, words):
    """The SQL and parameters of the hits: ranked candidates, best first."""
    typed_sql = "websearch_to_tsquery(%s::regconfig, %s)"
    typed_params = [config, query]
    # What the visitor typed (websearch syntax: quotes, -woord, or), or the compound forms.
    compound_text = compounds.tsquery_text(words)
    if compound_text:
        match_sql = f"({typed_sql} || to_tsquery(%s::regconfig, %s))"
        match_params = [*typed_params, config, compound_text]
    else:
        match_sql, match_params = typed_sql, typed_params
    pages = (
        public(_below(_site_pages(scope), kernen))
        .order_by()
        .values("id", "content_type_id", "path", "first_published_at")
    )
    pages_sql, pages_params = pages.query.sql_with_params()
    exact = " ".join(query.lower().split())
    # The ORM's SQL of the site's public pages; every value in it is a parameter.
    tier = f"""SELECT page.id, page.content_type_id, page.path, page.first_published_at,
            entry.id AS entry_id
        FROM ({pages_sql}) AS page
        JOIN wagtailsearch_indexentry AS entry
        ON entry.content_type_id = page.content_type_id AND {ENTRY_PAGE_ID} = page.id"""  # noqa: S608
    exact = " ".join(query.lower().split())
    sql = f"""
        WITH candidate AS (
            ({tier} WHERE lower(entry.title_text) = %s)
            UNION
            ({tier} WHERE (entry.title @@ {match_sql} OR entry.body @@ {match_sql})
             ORDER BY page.id DESC LIMIT %s)
        )
        SELECT candidate.id, candidate.content_type_id, candidate.path,
            candidate.first_published_at
        FROM candidate
        JOIN wagtailsearch_indexentry AS entry ON entry.id = candidate.entry_id
        ORDER BY
            (lower(entry.title_text) = %s)::int * 10
            + ts_rank(entry.title, {match_sql}) * 2 + ts_rank(entry.body, {match_sql})
            + ts_rank(entry.title, {typed_sql}) * 2 + ts_rank(entry.body, {typed_sql})
            DESC,
            candidate.id DESC
        LIMIT %s
    """  # noqa: S608 - constants and the ORM's SQL; every value is a parameter
    params = [
        *pages_params, exact,
        *pages_params, *match_params, *match_params, max(limit, MIN_CANDIDATES),
        exact, *match_params, *match_params, *typed_params, *typed_params, limit,
    ]  # fmt: skip
    return sql, params


def _within_time(fetch):
    """What ``fetch()`` returns, run with PostgreSQL's ``statement_timeout`` set to
    ``SEARCH_TIMEOUT_MS`` for its queries; SearchUnavailable when it ran out of time.

    One query more (``set_config`` for this transaction only, with the planner settings
    below); inside a surrounding transaction (tests) a savepoint and a second ``set_config``
    that puts the old values back.
    """
    milliseconds = settings.SEARCH_TIMEOUT_MS
    if milliseconds <= 0:
        return fetch()
    nested = connection.in_atomic_block
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                # No parallel workers either: on a small server their start costs more than
                # the bounded query they would share. And index lookups priced as what they
                # are with the index in memory (random_page_cost 1.1 instead of 4): otherwise
                # a word on a few hundred pages joins its entries with a scan of every page
                # (180 → 70 ms for "dorpshuis" at 55,000 pages).
                cursor.execute(
                    "SELECT current_setting('statement_timeout'), "
                    "current_setting('max_parallel_workers_per_gather'), "
                    "current_setting('random_page_cost'), "
                    "set_config('statement_timeout', %s, true), "
                    "set_config('max_parallel_workers_per_gather', '0', true), "
                    "set_config('random_page_cost', '1.1', true)",
                    [f"{milliseconds}ms"],
                )
                previous = cursor.fetchone()[:3]
            rows = fetch()
            if nested:  # the settings would outlive this block
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true), "
                        "set_config('max_parallel_workers_per_gather', %s, true), "
                        "set_config('random_page_cost', %s, true)",
                        previous,
                    )
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) != QUERY_CANCELED:
            raise
        logger.warning("Search stopped after %s ms: %s", milliseconds, error)
        raise SearchUnavailable from error
    return rows


def _backend_hits(scope, query, autocomplete, limit, kernen):
    # Stop words out, as PostgreSQL's Dutch configuration does: SQLite's full-text search would
    # match "de" everywhere, and with "and" a stop word would have to occur in every hit.
    text = " ".join(word for word in terms(query) if word not in STOP_WORDS)
    if not text:
        return Hits()
    pages = _site_pages(scope)
    try:
        results = pages.autocomplete(text) if autocomplete else pages.search(text, operator="and")
        # Over-fetch a little: some of the ids may be restricted pages that the database drops.
        found = results[: max(limit * 2, 50)]
        order = {page.pk: position for position, page in enumerate(found)}
    except BACKEND_ERRORS as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable from error
    if not order:
        return Hits()
    rows = public(_below(Page.objects.filter(pk__in=order), kernen)).values_list(
        "pk", "content_type_id", "path", "first_published_at"
    )
    return Hits(sorted((Hit(*row) for row in rows), key=lambda hit: order[hit.pk])[:limit])
