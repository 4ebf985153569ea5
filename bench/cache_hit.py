"""What a page-cache hit costs in the process: the whole middleware chain around a page that
the cache answers, without a network, a server or a database.

    python -m bench.cache_hit [--requests 20000] [--profile]

It stores one page (30 kB) in the local memory cache under the key the page cache would use,
then asks it ``--requests`` times through Django's WSGI handler, as gunicorn would, and prints
the microseconds per hit, the same for a trivial response with no middleware at all (the floor
of Django's handler) and, with ``--profile``, where the time goes. Test settings (local memory
cache, no WhiteNoise); the middleware is production's. Not a test: it asserts nothing.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time


def environ(path="/beesd/", **extra):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_LANGUAGE": "nl-NL,nl;q=0.9,en;q=0.8",
        "HTTP_USER_AGENT": "Mozilla/5.0 bench",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        **extra,
    }


def prime(path="/beesd/"):
    """Store a page for ``path`` as the page cache does; returns its key."""
    # Imported here: a script; Django is set up in main() before anything of it is imported.
    from django.core.cache import cache
    from django.test import RequestFactory
    from django.utils import translation

    # Imported here: the page cache's modules need Django set up.
    from pagecache.middleware import PageCacheMiddleware
    from pagecache.tags import tag_key

    request = RequestFactory().get(path)
    with translation.override("nl"):
        key = PageCacheMiddleware(None)._key(request)
    tags = {tag_key("site:0001"): "aaaa", tag_key("branch:00010001"): "bbbb"}
    cache.set_many(tags, timeout=None)
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "public, max-age=0, must-revalidate"),
        ("Content-Length", "30000"),
    ]
    cache.set(key, {"versions": tags, "headers": headers, "content": b"x" * 30000}, 600)
    return key


def per_request(handler, requests, path="/beesd/") -> tuple[float, str]:
    """Microseconds per request of ``handler``, and the X-Page-Cache header of the last."""
    seen = {}

    def start_response(status, headers):
        seen["status"] = status
        seen["headers"] = dict(headers)

    began = time.perf_counter()
    for _ in range(requests):
        body = handler(environ(path), start_response)
        b"".join(body)
        body.close()
    spent = time.perf_counter() - began
    return spent / requests * 1e6, f"{seen['status']} {seen['headers'].get('X-Page-Cache', '-')}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django  # Imported here: after the settings module is chosen.

    django.setup()
    # Imported here: only now is Django set up.
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    prime()
    handler = WSGIHandler()
    per_request(handler, 200)  # warm up: imports, URL resolver, translations
    hit, status = per_request(handler, args.requests)
    print(f"page-cache hit, {len(settings.MIDDLEWARE)} middleware: {hit:.1f} µs ({status})")

    with override_settings(MIDDLEWARE=[], ROOT_URLCONF="bench.cache_hit"):
        bare = WSGIHandler()
        per_request(bare, 200, "/bare/")
        floor, status = per_request(bare, args.requests, "/bare/")
    print(f"a bare view, no middleware: {floor:.1f} µs ({status})")

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        per_request(handler, min(args.requests, 5000))
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    return 0


def _bare(request):
    from django.http import HttpResponse  # Imported here: Django is set up by then.

    return HttpResponse(b"x" * 30000)


def _urlpatterns():
    from django.urls import path  # Imported here: Django is set up by then.

    return [path("bare/", _bare)]


def __getattr__(name):
    if name == "urlpatterns":  # this module is the URLconf of the bare view
        return _urlpatterns()
    raise AttributeError(name)


if __name__ == "__main__":
    sys.exit(main())
