"""Parts that fail: Redis (the cache) down or hanging, and the database unreachable. The
PostgreSQL restart and a stopped Redis under load are measured by bench/faults/
(docs/operations.md)."""

import runpy
import socket
import time
from pathlib import Path

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

import pytest

from home.models import PortalSettings
from home.tests.test_form_page import VALID
from pagecache.invalidation import reset_waiting
from pagecache.models import PendingInvalidation
from pagecache.tags import page_purge_tags
from portal import cache as redis_breaker

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"


def production_caches(monkeypatch, url, timeout_ms=1000):
    """The cache settings of base.py for REDIS_URL=``url``."""
    monkeypatch.setenv("REDIS_URL", url)
    monkeypatch.setenv("REDIS_TIMEOUT_MS", str(timeout_ms))
    caches = runpy.run_path(str(BASE_SETTINGS))["CACHES"]
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    return caches


@pytest.fixture
def redis_down(settings, monkeypatch, closed_port):
    """The production cache settings (base.py with REDIS_URL set), pointed at a port where
    nothing listens."""
    redis_breaker.reset()
    settings.CACHES = production_caches(monkeypatch, f"redis://127.0.0.1:{closed_port}/0")
    yield
    redis_breaker.reset()
    reset_waiting()


@pytest.fixture
def hung_server():
    """A TCP port that accepts connections and never answers, as a Redis stopped with SIGSTOP
    does (the kernel completes the handshake; nobody reads)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield server.getsockname()[1]


@pytest.fixture
def redis_hung(settings, monkeypatch, hung_server):
    """The production cache settings pointed at a Redis that hangs: two seconds to connect and
    to answer (a wide margin over rendering a page on a busy machine), the breaker open for
    30 s after a failure."""
    redis_breaker.reset()
    url = f"redis://127.0.0.1:{hung_server}/0"
    settings.CACHES = production_caches(monkeypatch, url, timeout_ms=2000)
    settings.REDIS_CIRCUIT_SECONDS = 30
    yield
    redis_breaker.reset()
    reset_waiting()


def timed(call, *args, **kwargs):
    began = time.monotonic()
    response = call(*args, **kwargs)
    return response, time.monotonic() - began


@pytest.mark.django_db
def test_with_redis_hung_only_the_first_request_waits_for_it(
    client, beesd, form_page, django_capture_on_commit_callbacks, redis_hung
):
    first, first_seconds = timed(client.get, "/beesd/")
    assert first.status_code == 200
    # It waited for Redis once (two seconds), not for each of its cache calls.
    assert 2 <= first_seconds < 8

    requests = [
        ("get", "/beesd/", {}),
        ("get", "/", {}),
        ("get", "/zoeken/?q=beesd", {}),
        ("post", "/klankbordgroep/", VALID),
        ("get", "/beesd/", {}),
        ("get", "/zoeken/?q=speeltuin", {}),
        ("get", "/klankbordgroep/", {}),
        ("post", "/klankbordgroep/", VALID),
        ("get", "/", {}),
    ]
    for method, url, data in requests:
        with django_capture_on_commit_callbacks(execute=True):
            response, seconds = timed(getattr(client, method), url, data)
        assert response.status_code == 200, url
        assert seconds < 2, (url, seconds)  # none of them waits for Redis
    assert "Beesd" in client.get("/beesd/").content.decode()
    assert FormSubmission.objects.filter(page=form_page).count() == 2


@pytest.mark.django_db
def test_with_redis_hung_redis_is_tried_again_after_the_pause(
    client, settings, monkeypatch, hung_server, beesd
):
    redis_breaker.reset()
    url = f"redis://127.0.0.1:{hung_server}/0"
    settings.CACHES = production_caches(monkeypatch, url, timeout_ms=1000)
    settings.REDIS_CIRCUIT_SECONDS = 3
    try:
        _response, first = timed(client.get, "/beesd/")
        _response, during = timed(client.get, "/beesd/")
        time.sleep(3)
        _response, after = timed(client.get, "/beesd/")
    finally:
        redis_breaker.reset()
        reset_waiting()

    assert first >= 1
    assert during < 1
    assert after >= 1  # asked Redis again (it still hangs)


# Publishing while Redis does not answer --------------------------------------------------------


@pytest.fixture
def redis_away(settings, monkeypatch, hung_server):
    """Switch the cache to a Redis that hangs for a while and back to the working cache with
    everything it held (the test settings' local memory stands in for Redis that answers
    again after SIGCONT)."""
    working = settings.CACHES
    url = f"redis://127.0.0.1:{hung_server}/0"

    class Switch:
        def hang(self):
            settings.CACHES = production_caches(monkeypatch, url, timeout_ms=300)

        def answer_again(self):
            settings.CACHES = working

    redis_breaker.reset()
    reset_waiting()
    yield Switch()
    redis_breaker.reset()
    reset_waiting()


def assert_served_from_cache(client, url):
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_page_published_while_redis_hung_is_not_stale_once_it_answers_again(
    client, beesd, redis_away, django_capture_on_commit_callbacks
):
    assert_served_from_cache(client, "/beesd/")

    redis_away.hang()
    with django_capture_on_commit_callbacks(execute=True):
        beesd.title = "Beesd en omstreken"
        beesd.save_revision().publish()
    redis_away.answer_again()

    response = client.get("/beesd/")
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"
    assert "<h1>Beesd en omstreken</h1>" in response.content.decode()
    # Applied once: the page is cached again, fresh.
    assert not PendingInvalidation.objects.exists()
    assert_served_from_cache(client, "/beesd/")
    assert "<h1>Beesd en omstreken</h1>" in client.get("/beesd/").content.decode()


@pytest.mark.django_db
def test_contact_details_changed_while_redis_hung_show_once_it_answers_again(
    client, municipality, beesd, redis_away, django_capture_on_commit_callbacks
):
    contact = PortalSettings.for_site(municipality.get_site())
    contact.contact_phone = "0345 111 111"
    contact.save()
    assert "0345 111 111" in client.get("/beesd/").content.decode()
    assert_served_from_cache(client, "/beesd/")

    redis_away.hang()
    with django_capture_on_commit_callbacks(execute=True):
        contact.contact_phone = "0345 222 222"
        contact.save()
    redis_away.answer_again()

    html = client.get("/beesd/").content.decode()
    assert "0345 222 222" in html
    assert "0345 111 111" not in html


@pytest.mark.django_db
def test_an_invalidation_another_server_could_not_write_is_applied_within_the_interval(
    client, settings, beesd, redis_away
):
    """Another app server published while it could not reach Redis; this one kept talking to
    Redis all the time, so only its regular look in the database finds out."""
    settings.PAGE_CACHE_CHECK_SECONDS = 1
    assert_served_from_cache(client, "/beesd/")

    # What that server left behind: the new title in the database, the tags it could not
    # invalidate waiting.
    type(beesd).objects.filter(pk=beesd.pk).update(title="Beesd en omstreken")
    PendingInvalidation.objects.create(tags=sorted(page_purge_tags(beesd)))
    time.sleep(1)

    response = client.get("/beesd/")
    assert response.get("X-Page-Cache") != "hit"
    assert "<h1>Beesd en omstreken</h1>" in response.content.decode()
    assert not PendingInvalidation.objects.exists()


@pytest.mark.django_db
def test_with_redis_down_pages_come_from_the_database(client, redis_down, beesd):
    home = client.get("/")
    kern = client.get(beesd.url)

    assert home.status_code == 200 and kern.status_code == 200
    assert "Beesd" in kern.content.decode()


@pytest.mark.django_db
def test_with_redis_down_login_works_because_sessions_live_in_the_database(
    client, redis_down, settings, make_user
):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    make_user("bestuur-beesd")

    response = client.post(
        "/inloggen/", {"username": "bestuur-beesd", "password": "correct-horse-battery"}
    )

    assert response.status_code == 302
    assert client.get("/mijn-account/").status_code == 200


@pytest.mark.django_db
def test_with_redis_down_a_form_is_accepted_without_a_rate_limit(
    client, redis_down, form_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/klankbordgroep/", VALID)

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == 1


LEAKY_ERROR = (
    'connection to server at "db.internal" (10.0.0.7), port 5432 failed: Connection refused '
    "SELECT wagtailcore_site.id FROM wagtailcore_site"
)


@pytest.fixture
def database_down(monkeypatch):
    def refuse(self):
        raise OperationalError(LEAKY_ERROR)

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)


@pytest.mark.parametrize("url", ["/", "/beesd/", "/zoeken/?q=speeltuin", "/inloggen/"])
def test_with_the_database_down_the_error_page_is_dutch_and_leaks_nothing(
    database_down, settings, url
):
    response = Client(raise_request_exception=False).get(url)

    assert response.status_code in (500, 503)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Er ging iets mis" in html
    for secret in (
        "Traceback",
        "OperationalError",
        "db.internal",
        "5432",
        "SELECT",
        "wagtailcore",
        "DATABASES",
        "SECRET_KEY",
        settings.SECRET_KEY,
        "portal.settings",
        ".py",
    ):
        assert secret not in html, secret
