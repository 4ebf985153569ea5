"""Production settings refuse to start without a real SECRET_KEY; the others need nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_django_check(settings_module, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_production_refuses_to_start_without_secret_key():
    result = run_django_check("portal.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_production_refuses_a_short_secret_key():
    result = run_django_check("portal.settings.production", SECRET_KEY="geheim")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_production_starts_with_a_real_secret_key():
    result = run_django_check(
        "portal.settings.production", SECRET_KEY="x" * 30 + "-a-real-random-value-of-50-plus"
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_misspelled_boolean_is_an_error_not_a_guess(value):
    result = run_django_check("portal.settings.dev", DEBUG=value)

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.slow
def test_production_settings_are_safe_by_default(settings):
    from django.conf import settings as live_settings

    env = dict(os.environ, SECRET_KEY="y" * 64)
    code = (
        "import django, json; from django.conf import settings as s; django.setup(); "
        "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0]))"
    )
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    env.pop("DEBUG", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "[false, true, true, true, true]", result.stderr
    assert live_settings.LANGUAGE_CODE == "nl"
    assert live_settings.TIME_ZONE == "Europe/Amsterdam"
