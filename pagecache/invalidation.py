"""Invalidating tags: new tokens in the cache, or, when the cache does not answer, a record in
the database that every process applies before it serves a page from the cache again."""

import logging
import threading
import time
import uuid
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction

from wagtail.models import Page

from pagecache.cdn import cdn_configured, cdn_urls
from pagecache.models import PendingInvalidation
from pagecache.tags import branch_tag, page_purge_tags, site_tag, tag_key
from pagecache.tasks import purge_frontend_cache
from portal.cache import changes as cache_changes

logger = logging.getLogger(__name__)

#: Changed by every invalidation: compared before a rendered page is stored.
GENERATION = "pagecache:generation"
_PROBE = "pagecache:probe"


def invalidate(*tags: str, page_ids=()) -> None:
    """Give ``tags`` new tokens now and again once the transaction commits.

    Now, so the very next request in this process (and a test inside a transaction) sees the
    change; after the commit, so a page rendered from the old data in between is dropped too,
    and the CDN (if any) is told which URLs to forget. The same tags invalidated again in one
    transaction (deleting a kern deletes each of its pages) are written after the commit once.
    """
    key = frozenset(tags)
    if not key:
        return
    pending = _pending(key)
    if pending is not None:
        pending_tags, pending_page_ids = pending
        pending_page_ids.update(page_ids)
        _bump_or_record(pending_tags)
        return
    expanded = _with_translations(set(tags))
    _bump_or_record(expanded)
    transaction.on_commit(partial(after_commit, expanded, set(page_ids), key=key))


def _pending(key):
    """(tags, page ids) already waiting for the commit under ``key``, or None."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if (
            isinstance(callback, partial)
            and callback.func is after_commit
            and callback.keywords.get("key") == key
        ):
            return callback.args
    return None


def invalidate_page(page) -> None:
    invalidate(*page_purge_tags(page), page_ids=[page.pk])


def after_commit(tags, page_ids, key=None):
    _bump_or_record(tags)
    if cdn_configured():
        urls = sorted(cdn_urls(tags, page_ids))
        if urls:
            purge_frontend_cache.enqueue(urls)


def _bump(tags) -> bool:
    """Give ``tags`` (and the generation) a new token; False when the cache did not take it."""
    token = uuid.uuid4().hex[:16]
    values = {tag_key(tag): token for tag in tags}
    values[GENERATION] = token
    cache.set_many(values, timeout=None)
    # A cache that fails answers as a miss (IGNORE_EXCEPTIONS): read back what was written.
    # Another process may have written a newer token meanwhile; any token means it answered.
    return cache.get(GENERATION) is not None


def _bump_or_record(tags) -> None:
    """Invalidate ``tags``, or record them in the database when the cache did not take it
    (inside the transaction of the change: recorded if and only if the change is kept)."""
    if not _bump(tags):
        _record(tags=tags)


def _with_translations(tags: set[str]) -> set[str]:
    """Path-based tags plus the same tags of every translation of those pages."""
    paths = {tag.split(":", 1)[1] for tag in tags if tag.startswith(("site:", "branch:"))}
    if not paths:
        return tags
    keys = Page.objects.filter(path__in=paths).values("translation_key")
    translations = Page.objects.filter(translation_key__in=keys).values_list("path", "depth")
    for path, depth in translations:
        tags.add(site_tag(path) if depth == 2 else branch_tag(path))
    return tags


# Invalidations the cache did not take ---------------------------------------------------------


def forget(*keys: str) -> None:
    """Delete ``keys`` from the cache, or record them to be deleted once it answers again: for
    cached pieces of public pages outside the page cache (footer links, portal settings)."""
    if not keys:
        return
    cache.delete_many(keys)
    # A delete answers nothing either way: a token written after it and read back tells.
    cache.set(_PROBE, uuid.uuid4().hex[:16], timeout=60)
    if cache.get(_PROBE) is None:
        _record(keys=keys)


def _record(tags=(), keys=()) -> None:
    logger.warning(
        "The cache did not answer: %s tags and %s keys wait in the database to be invalidated.",
        len(tags),
        len(keys),
    )
    try:
        PendingInvalidation.objects.create(tags=sorted(tags), keys=sorted(keys))
    except DatabaseError:
        logger.exception("Could not record the invalidation: cached pages may be stale.")


class _Waiting:
    """This process's view of the waiting invalidations."""

    lock = threading.Lock()
    checked_at = None  # time.monotonic() of the last look in the database
    changes = cache_changes()  # the cache connection's state changes seen at that time
    clear = True  # nothing waited then, or all of it was applied


RETRY_SECONDS = 1


def reset_waiting() -> None:
    """Forget what this process knew about waiting invalidations (tests)."""
    with _Waiting.lock:
        _Waiting.checked_at, _Waiting.changes, _Waiting.clear = None, cache_changes(), True


def invalidations_applied() -> bool:
    """Whether no invalidation waits that this process could not apply: only then may a page
    come from the cache. Looks in the database (one query) only when due: after this process
    lost or regained the cache, every ``PAGE_CACHE_CHECK_SECONDS`` (0: only then), and every
    second while what waits cannot be applied."""
    now = time.monotonic()
    seen = cache_changes()
    interval = getattr(settings, "PAGE_CACHE_CHECK_SECONDS", 1)
    last = _Waiting.checked_at
    due = (
        seen != _Waiting.changes
        or (interval > 0 and (last is None or now - last >= interval))
        or (not _Waiting.clear and (last is None or now - last >= RETRY_SECONDS))
    )
    if not due:
        return _Waiting.clear
    with _Waiting.lock:
        try:
            clear = apply_pending()
        except DatabaseError:
            logger.exception("Could not read the waiting cache invalidations.")
            clear = _Waiting.clear
        _Waiting.checked_at, _Waiting.changes, _Waiting.clear = now, seen, clear
    return clear


def apply_pending(limit=1000) -> bool:
    """Apply the invalidations waiting in the database; True when none is left waiting."""
    waiting = PendingInvalidation.objects.order_by("pk").values_list("pk", "tags", "keys")
    rows = list(waiting[:limit])
    if not rows:
        return True
    tags = {tag for _pk, row_tags, _keys in rows for tag in row_tags}
    keys = {key for _pk, _tags, row_keys in rows for key in row_keys}
    if keys:
        cache.delete_many(sorted(keys))
    if not _bump(tags):
        return False
    PendingInvalidation.objects.filter(pk__in=[pk for pk, _tags, _keys in rows]).delete()
    logger.warning("Applied %s cache invalidations that had waited in the database.", len(rows))
    return len(rows) < limit


def content_version() -> str | None:
    """A token that changes with every invalidation of any tag (publishing, unpublishing,
    moving, deleting a page, a view restriction): for caches of answers that depend on all
    public pages at once (search). None when the cache does not answer or invalidations
    wait: then nothing may be served from such a cache."""
    if not invalidations_applied():
        return None
    version = cache.get(GENERATION)
    if version is None:
        cache.add(GENERATION, uuid.uuid4().hex[:16], timeout=None)
        version = cache.get(GENERATION)
    return version


def cached_by_tags(key: str, tags, compute, timeout=None):
    """``compute()``, kept in the cache under ``key`` until one of ``tags`` is invalidated
    (publishing, moving or deleting a page, a view restriction: the page cache's own tags).

    For a piece that many pages show and that changes with the pages a tag covers, such as
    the main menu (the site tag). A hit costs one cache read and no query. A value computed
    while something was invalidated is not stored; with the cache not answering, or
    invalidations waiting in the database, it is computed every time."""
    tag_keys = [tag_key(tag) for tag in sorted(tags)]
    found = cache.get_many([key, GENERATION, *tag_keys])
    versions = {name: found.get(name) for name in tag_keys}
    entry = found.get(key)
    if entry is not None and entry[0] == versions and invalidations_applied():
        return entry[1]
    missing = [name for name in tag_keys if found.get(name) is None]
    if missing:
        # Tokens to compare with, before reading what they cover. (Not the generation: the
        # page cache stores a page only while it stays as it was when the request came in.)
        token = uuid.uuid4().hex[:16]
        for name in missing:
            cache.add(name, token, timeout=None)
        found.update(cache.get_many(missing))
    value = compute()
    before = {name: found.get(name) for name in (GENERATION, *tag_keys)}
    if any(before[name] is None for name in tag_keys) or not invalidations_applied():
        return value  # the cache does not answer, or invalidations wait
    now = cache.get_many(list(before))
    if {name: now.get(name) for name in before} != before:
        return value  # something was invalidated while computing
    cache.set(key, ({name: before[name] for name in tag_keys}, value), timeout)
    return value
