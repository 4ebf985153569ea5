"""Static files as production serves them: collected with hashed names and compressed, and sent
by whitenoise with a far-future, immutable Cache-Control."""

from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

import pytest
from whitenoise.middleware import WhiteNoiseMiddleware

from portal.settings import base

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": base.STORAGES["staticfiles"],
}


@pytest.fixture
def collected(tmp_path):
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=PRODUCTION_STORAGES,
        # Our own files only: collecting and compressing Wagtail's admin takes long.
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def serve(path, **headers):
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponse("not static", status=404))
    return middleware(RequestFactory().get(path, **headers))


def test_production_uses_whitenoise_with_hashed_compressed_files():
    assert base.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in base.MIDDLEWARE


def test_a_hashed_file_is_cached_for_a_year_and_immutable(collected):
    from django.contrib.staticfiles.storage import staticfiles_storage

    url = staticfiles_storage.url("css/portal.css")
    assert url != "/static/css/portal.css", "the file name carries its hash"

    response = serve(url)
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "immutable" in control
    assert "public" in control
    max_age = int(control.split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 60 * 60


def test_compressed_when_the_browser_accepts_it(collected):
    from django.contrib.staticfiles.storage import staticfiles_storage

    url = staticfiles_storage.url("css/portal.css")
    plain = serve(url)
    compressed = serve(url, HTTP_ACCEPT_ENCODING="gzip, deflate")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert int(compressed["Content-Length"]) < int(plain["Content-Length"])


def test_an_unhashed_name_is_cached_briefly(collected):
    response = serve("/static/css/portal.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
