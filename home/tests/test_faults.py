"""Parts that fail: Redis (the cache) down, and the database unreachable. The PostgreSQL
restart under load is measured by bench/faults/postgres_restart.py (docs/operations.md)."""

import runpy
from pathlib import Path

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

import pytest

from home.tests.test_form_page import VALID

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"


@pytest.fixture
def redis_down(settings, monkeypatch, closed_port):
    """The production cache settings (base.py with REDIS_URL set), pointed at a port where
    nothing listens."""
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port}/0")
    caches = runpy.run_path(str(BASE_SETTINGS))["CACHES"]
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    settings.CACHES = caches


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
