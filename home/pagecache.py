"""The anonymous page cache: public pages served from Django's cache, and never stale.

What is cached: a GET or HEAD by a visitor without a session, of a URL whose view declared the
*tags* its response depends on (every Wagtail page does so through ``before_serve_page``; feeds,
calendars and open data call :func:`declare`). Nothing else: a view that declares no tags is
never cached. See the README section "Cache" for the rules.

Invalidation works with version tokens per tag, kept in the same cache. A cached entry records
the tokens of its tags at the time it was rendered; it is served only while all of them are
unchanged. Invalidating a tag writes a new token (one ``set_many`` for any number of tags), so
it is cheap and needs no list of cached URLs. A global token, changed by every invalidation,
is read before a page is rendered and compared before it is stored: a page rendered while
something was published is not stored, so an old rendering never lands under new tokens.

Tags:

- ``site:<path of the home page>``: every page of a municipality reads it (menu, footer, the
  kernen list, breadcrumbs). Changed by the home page, kern pages, the municipality's sections,
  moves, deletions, view restrictions and site-wide settings and snippets.
- ``branch:<path of the page under the home page>``: every page of one kern (or one municipality
  section such as /werkzaamheden/) reads its branch. Changed by a page published, unpublished
  or deleted in that branch, and by content other pages target at the kern (work notices).
- ``content``: read by home pages; changed by every page below the sections.
- ``overview:<kind>``: read by the overviews (``/nieuws/``, ``/activiteiten/``, …) and any page
  that shows other kernen's content; changed by the pages of that kind.

When the cache cannot be written (Redis down or hanging, or skipped by this process's circuit
breaker, ``portal/cache.py``), the invalidation is recorded in the database
(:class:`home.models.PendingInvalidation`), and the other cache keys that public pages read
(footer links, portal settings, the language switcher) are forgotten the same way through
:func:`forget`. Before a process serves a page from the cache it applies what is waiting:
after it lost or regained the cache, and otherwise at least every ``PAGE_CACHE_CHECK_SECONDS``
(one small query, not one per page). While waiting invalidations cannot be applied, nothing
is served from the cache. So a publish while Redis was unreachable leaves no stale page behind
once Redis answers again, also on the other app servers.

A page type adds to its tags with two class attributes, ``cache_reads`` and ``cache_purges``,
and, when what it purges depends on its content (the kernen a notice targets), a method
``cache_related_tags()``. Path-based tags are widened to the page's translations when they are
invalidated, so /en/ and /pl/ copies of a kern go stale with the Dutch one.
"""

import hashlib
import logging
import threading
import time
import uuid
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language

from wagtail.models import Page

from portal.cache import changes as cache_changes

logger = logging.getLogger(__name__)

CONTENT = "content"
_GENERATION = "pagecache:generation"
_PROBE = "pagecache:probe"
_STEP = Page.steplen
_PERSONAL_COOKIES = ("messages",)


# Tags ------------------------------------------------------------------------------------------


def site_tag(path: str) -> str:
    return f"site:{path[: _STEP * 2]}"


def branch_tag(path: str) -> str:
    return f"branch:{path[: _STEP * 3]}"


def page_read_tags(page) -> set[str]:
    """The tags a rendering of ``page`` depends on."""
    tags = {site_tag(page.path), *getattr(page, "cache_reads", ())}
    if page.depth >= 3:
        tags.add(branch_tag(page.path))
    return tags


def page_purge_tags(page) -> set[str]:
    """The tags to invalidate when ``page`` is published, unpublished or deleted."""
    # The home page, a kern or a municipality section: names and links on every page.
    tags = {site_tag(page.path)} if page.depth <= 3 else {branch_tag(page.path), CONTENT}
    tags.update(getattr(page, "cache_purges", ()))
    related = getattr(page, "cache_related_tags", None)
    if related is not None:
        tags.update(related())
    return tags


def declare(request, *tags: str) -> None:
    """Mark the response to ``request`` as cacheable, depending on ``tags``."""
    request._page_cache_tags = set(tags) | getattr(request, "_page_cache_tags", set())


def declare_page(request, page) -> None:
    declare(request, *page_read_tags(page))


# Invalidation ----------------------------------------------------------------------------------


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
    transaction.on_commit(partial(_after_commit, expanded, set(page_ids), key=key))


def _pending(key):
    """(tags, page ids) already waiting for the commit under ``key``, or None."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if (
            isinstance(callback, partial)
            and callback.func is _after_commit
            and callback.keywords.get("key") == key
        ):
            return callback.args
    return None


def invalidate_page(page) -> None:
    invalidate(*page_purge_tags(page), page_ids=[page.pk])


def _after_commit(tags, page_ids, key=None):
    _bump_or_record(tags)
    if cdn_configured():
        from home.tasks import purge_frontend_cache

        urls = sorted(cdn_urls(tags, page_ids))
        if urls:
            purge_frontend_cache.enqueue(urls)


def _bump(tags) -> bool:
    """Give ``tags`` (and the generation) a new token; False when the cache did not take it."""
    token = uuid.uuid4().hex[:16]
    values = {_tag_key(tag): token for tag in tags}
    values[_GENERATION] = token
    cache.set_many(values, timeout=None)
    # A cache that fails answers as a miss (IGNORE_EXCEPTIONS): read back what was written.
    # Another process may have written a newer token meanwhile; any token means it answered.
    return cache.get(_GENERATION) is not None


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


def _tag_key(tag: str) -> str:
    return f"pagecache:tag:{tag}"


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
    from home.models import PendingInvalidation

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
    from home.models import PendingInvalidation

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
    version = cache.get(_GENERATION)
    if version is None:
        cache.add(_GENERATION, uuid.uuid4().hex[:16], timeout=None)
        version = cache.get(_GENERATION)
    return version


# The CDN in front (wagtail.contrib.frontend_cache) ---------------------------------------------

_cached_paths: dict[str, list[str]] = {}


def register_cached_paths(page_type: str, paths: list[str]) -> None:
    """URLs below every page of ``page_type`` that show its content and are cached, e.g. a
    kern's feeds ("rss/"): the CDN purges them with the page."""
    _cached_paths.setdefault(page_type.lower(), []).extend(paths)


def cdn_urls(tags: set[str], page_ids=()) -> set[str]:
    """The URLs the CDN must forget when ``tags`` change: the pages that read those tags
    (a kern and its sections for a branch, the overviews for their kind, the home pages and
    sections for a site) and the changed pages themselves."""
    from django.db.models import Q

    from wagtail.models import get_page_models

    query = Q(pk__in=page_ids)
    for tag in tags:
        kind, _sep, value = tag.partition(":")
        if kind == "site":
            query |= Q(path__startswith=value, depth__lte=4)
        elif kind == "branch":
            query |= Q(path=value) | Q(path__startswith=value, depth=4)
        elif kind == CONTENT:
            query |= Q(depth=2)
    readers = [
        model for model in get_page_models() if set(getattr(model, "cache_reads", ())) & tags
    ]
    if readers:
        from django.contrib.contenttypes.models import ContentType

        types = ContentType.objects.get_for_models(*readers).values()
        query |= Q(content_type__in=types)
    urls = set()
    for page in Page.objects.live().filter(query).specific(defer=True):
        url = page.get_full_url()
        if not url:
            continue
        urls.add(url)
        for path in _cached_paths.get(page._meta.label_lower, ()):
            urls.add(url + path)
    return urls


# The middleware --------------------------------------------------------------------------------


def cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def cdn_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class PageCacheMiddleware:
    """Serve and store anonymous responses; mark personal ones private.

    Place it after the session, authentication, locale and messages middleware: it needs to
    know the language and whether a visitor is logged in, and it must see a response before
    those middleware add cookies to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        key = self._key(request) if seconds > 0 and self._anonymous_request(request) else None
        generation = None
        if key is not None:
            found = cache.get_many([key, _GENERATION])
            generation = found.get(_GENERATION)
            entry = found.get(key)
            if entry is not None and invalidations_applied():
                response = self._from_entry(entry)
                if response is not None:
                    return response

        response = self.get_response(request)

        if self._personal(request):
            patch_cache_control(response, private=True)
            add_never_cache_headers(response)
            return response
        if not self._storable(request, response):
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response
        self._public_headers(response, seconds)
        if key is not None and request.method == "GET":
            self._store(key, request, response, generation, seconds)
            response["X-Page-Cache"] = "miss"
        return response

    # Requests

    def _anonymous_request(self, request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(("/admin/", "/django-admin/")):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in _PERSONAL_COOKIES):
            return False
        allowed = settings.PAGE_CACHE_QUERY_PARAMS
        # Unknown parameters (tracking, cache busters) are served fresh and never stored, so
        # nobody can fill the cache with endless variants of one page.
        return len(request.GET) <= 10 and all(
            name in allowed and all(len(value) <= 100 for value in request.GET.getlist(name))
            for name in request.GET
        )

    def _key(self, request) -> str:
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        # Today's date: listings of current notices and coming activities change at midnight.
        parts = [
            request.get_host(),
            get_language() or "",
            timezone.localdate().isoformat(),
            request.path,
            query,
        ]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return f"pagecache:page:{digest}"

    def _personal(self, request) -> bool:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)

    # Responses

    def _storable(self, request, response) -> bool:
        if not getattr(request, "_page_cache_tags", None):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds a form with the CSRF token
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        if getattr(request, "_csp_nonce", None):
            return False  # a nonce is for one response only
        messages = getattr(request, "_messages", None)
        if messages is not None and getattr(messages, "_queued_messages", None):
            return False
        control = response.get("Cache-Control", "")
        return not any(word in control for word in ("private", "no-store", "no-cache"))

    def _public_headers(self, response, seconds):
        if cdn_configured() and seconds > 0:
            # The CDN may keep it: publishing purges it there (wagtail.contrib.frontend_cache).
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        else:
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)

    def _store(self, key, request, response, generation, seconds):
        tags = sorted(request._page_cache_tags)
        tag_keys = [_tag_key(tag) for tag in tags]
        versions = cache.get_many([*tag_keys, _GENERATION])
        if versions.get(_GENERATION) != generation:
            return  # something was invalidated while this page was rendered
        missing = [tag_key for tag_key in tag_keys if tag_key not in versions]
        if missing:
            token = uuid.uuid4().hex[:16]
            for tag_key in missing:
                cache.add(tag_key, token, timeout=None)
            versions.update(cache.get_many(missing))
            if any(tag_key not in versions for tag_key in tag_keys):
                return  # the cache is not answering
        entry = {
            "versions": {tag_key: versions[tag_key] for tag_key in tag_keys},
            "headers": [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() != "x-page-cache"
            ],
            "content": response.content,
        }
        cache.set(key, entry, timeout=seconds)

    def _from_entry(self, entry):
        versions = entry["versions"]
        current = cache.get_many(list(versions))
        if current != versions:
            return None
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


# Signals ---------------------------------------------------------------------------------------


def all_site_tags() -> set[str]:
    """The site tag of every municipality (for models shared by all of them)."""
    return {site_tag(path) for path in Page.objects.filter(depth=2).values_list("path", flat=True)}


def invalidate_on_change(model, tags_for, on_create=True) -> None:
    """Invalidate ``tags_for(instance)`` whenever an instance of ``model`` is saved or deleted.

    For models whose content public pages show (snippets, settings, registrations).
    ``on_create=False`` for models whose new, empty instances show nothing (site settings,
    which Wagtail creates on the first page view).
    """
    from django.db.models.signals import post_delete, post_save

    def handler(sender, instance, created=False, **kwargs):
        if kwargs.get("raw") or (created and not on_create):
            return
        invalidate(*tags_for(instance))

    post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"pagecache-{model}")
    post_delete.connect(handler, sender=model, weak=False, dispatch_uid=f"pagecache-d-{model}")


def _page_changed(sender, instance, **kwargs):
    invalidate_page(instance)


def _page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a full save (a publish) of a page whose purge tags depend on its content, purge
    what its stored version showed: the kernen a notice targeted before it was changed."""
    if raw or update_fields is not None or instance.pk is None:
        return
    if getattr(type(instance), "cache_related_tags", None) is None:
        return
    stored = type(instance).objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        invalidate(*stored.cache_related_tags())


def _page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    tags = {site_tag(instance.path)}
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            tags.add(site_tag(parent.path) if parent.depth > 1 else site_tag(instance.path))
    invalidate(*tags)


def _page_deleted(sender, instance, **kwargs):
    # Every page of the municipality reads its site tag: that covers whatever showed the page.
    if isinstance(instance, Page) and instance.path:
        invalidate(site_tag(instance.path))


def connect_signals() -> None:
    from django.db.models.signals import pre_delete, pre_save

    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache-moved")
    pre_delete.connect(_page_deleted, dispatch_uid="pagecache-deleted")
    pre_save.connect(_page_saving, dispatch_uid="pagecache-saving")
    # A view restriction added to a cached page must take it out at once.
    invalidate_on_change(PageViewRestriction, lambda restriction: {site_tag(restriction.page.path)})

    def image_changed(sender, instance, created=False, update_fields=None, **kwargs):
        # An edited image (title, focal point, file) may show on any page. Wagtail saves an
        # image with update_fields when it only notes its file size or hash: that changes
        # nothing on a page.
        if not created and update_fields is None and not kwargs.get("raw"):
            invalidate(*all_site_tags())

    from django.db.models.signals import post_save

    post_save.connect(image_changed, sender=get_image_model(), dispatch_uid="pagecache-image")
