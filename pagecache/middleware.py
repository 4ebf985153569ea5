"""The middleware that serves anonymous pages from the cache and stores them there."""

import hashlib
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import activate, get_language, get_language_from_path

from pagecache.cdn import cdn_configured
from pagecache.invalidation import GENERATION, invalidations_applied
from pagecache.tags import tag_key

_PERSONAL_COOKIES = ("messages",)


def language_of(request) -> str:
    """The language LocaleMiddleware will activate for ``request``: the URL's prefix (/en/,
    /pl/), else Dutch (i18n_patterns with prefix_default_language=False, docs/i18n.md)."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


class PageCacheMiddleware:
    """Serve and store anonymous responses; mark personal ones private.

    Place it before the session, locale, CSRF, authentication and messages middleware: a hit
    is answered before they run (bench/cache_hit.py), and on the way out the response it
    stores holds what they added (a cookie from any of them keeps it out of the cache). The
    language of the key comes from the URL, as the locale middleware takes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        key = language = None
        if seconds > 0 and self._anonymous_request(request):
            language = language_of(request)
            key = self._key(request, language)
        generation = None
        if key is not None:
            found = cache.get_many([key, GENERATION])
            generation = found.get(GENERATION)
            entry = found.get(key)
            if entry is not None and invalidations_applied():
                response = self._from_entry(entry)
                if response is not None:
                    # The language of the page, active as after LocaleMiddleware, for what
                    # runs after the response in this thread (signals, logging).
                    activate(language)
                    request.LANGUAGE_CODE = language
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

    def _key(self, request, language=None) -> str:
        """``language``: of the URL (``language_of``); the active one when not given."""
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        # Today's date: listings of current notices and coming activities change at midnight.
        parts = [
            request.get_host(),
            language or get_language() or "",
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
        tag_keys = [tag_key(tag) for tag in tags]
        versions = cache.get_many([*tag_keys, GENERATION])
        if versions.get(GENERATION) != generation:
            return  # something was invalidated while this page was rendered
        missing = [name for name in tag_keys if name not in versions]
        if missing:
            token = uuid.uuid4().hex[:16]
            for name in missing:
                cache.add(name, token, timeout=None)
            versions.update(cache.get_many(missing))
            if any(name not in versions for name in tag_keys):
                return  # the cache is not answering
        entry = {
            "versions": {name: versions[name] for name in tag_keys},
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
