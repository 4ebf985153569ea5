"""Security headers on public pages, the admin and error pages; production settings pass
`check --deploy` and send HSTS and secure cookies."""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings as live_settings
from django.contrib.auth.models import Group
from django.test import Client, override_settings

import pytest
from wagtail_factories import ImageFactory

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_common_headers(response):
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def assert_public_policy(response):
    assert_common_headers(response)
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:", "https://service.pdok.nl"]
    assert "'unsafe-inline'" not in csp["style-src-elem"]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.fixture
def editor_client(client, beesd_editor):
    client.force_login(beesd_editor)
    return client


@pytest.mark.parametrize("path", ["/", "/beesd/", "/inloggen/", "/zoeken/?q=beesd"])
def test_public_pages_have_a_strict_policy(client, beesd, path):
    response = client.get(path)

    assert response.status_code == 200
    assert_public_policy(response)


def test_the_policy_lists_its_directives_in_one_order(client, beesd):
    """django-csp gathers directives in a set; sorted, a page's bytes (and so its cached copy)
    do not depend on the process's hash seed."""
    for path in ("/", "/admin/login/"):
        names = [
            part.split()[0]
            for part in client.get(path).headers["Content-Security-Policy"].split("; ")
        ]
        assert names == sorted(names), path


def test_public_pages_hold_no_inline_script(client, beesd):
    """Every <script> on the public pages loads a file or carries JSON data: the policy
    allows no inline script, so one would silently not run."""
    for path in ("/", "/beesd/", "/inloggen/", "/werkzaamheden/"):
        html = client.get(path).content.decode()
        for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            assert "src=" in attributes or 'type="application/json"' in attributes, (path, body)
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path


def test_not_found_and_forbidden_pages_have_the_headers(client, beesd):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert_public_policy(response)


def test_error_page_style_is_allowed_by_its_hash(client):
    """The inline <style> of the 400 and 500 pages (templates/base_error.html) runs only
    through its hash in the policy."""
    html = (ROOT / "templates" / "base_error.html").read_text()
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()

    assert f"'sha256-{digest}'" == live_settings.ERROR_PAGE_STYLE_HASH
    assert (
        f"'sha256-{digest}'"
        in live_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src-elem"]
    )


def test_server_error_page_has_the_headers(beesd, settings):
    settings.ROOT_URLCONF = "tests.security_urls"
    client = Client(raise_request_exception=False)

    response = client.get("/fout/")

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert_public_policy(response)


def test_admin_has_its_own_policy_and_works(editor_client, beesd):
    for path in ("/admin/", f"/admin/pages/{beesd.pk}/edit/", "/admin/images/chooser/"):
        response = editor_client.get(path)

        assert response.status_code == 200, path
        assert_common_headers(response)
        csp = policy(response)
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
        assert csp["frame-ancestors"] == ["'self'"]
        assert "'self'" in csp["frame-src"]
        assert "https://service.pdok.nl" in csp["img-src"]
        # Every script and style sheet the admin loads comes from our own origin.
        html = response.content.decode()
        if path != "/admin/images/chooser/":
            for url in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
                assert url.startswith("/") and not url.startswith("//"), url


def test_admin_login_page_has_the_admin_policy(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert_common_headers(response)


def test_admin_preview_may_be_framed_by_the_admin(editor_client, beesd):
    """Wagtail's preview panel shows the page in a same-origin frame."""
    url = f"/admin/pages/{beesd.pk}/edit/preview/"
    data = {"title": beesd.title, "slug": beesd.slug}
    editor_client.post(url, data)  # the preview renders what was posted last

    response = editor_client.get(url)

    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_image_chooser_upload_field_and_renditions_are_same_origin(editor_client, beesd):
    image = ImageFactory(collection=beesd.collection)

    response = editor_client.get("/admin/images/chooser/")

    assert response.status_code == 200
    body = json.loads(response.content)["html"]
    assert image.title in body
    for src in re.findall(r'<img[^>]+src="([^"]+)"', body):
        assert src.startswith(("/", "data:")), src


@override_settings(CSP_EXTRA_IMG_SRC=[])
def test_an_explicit_csp_override_on_a_view_still_wins(rf):
    from django.http import HttpResponse

    from csp.decorators import csp

    from security.middleware import ContentSecurityPolicyMiddleware

    @csp({"default-src": ["'none'"]})
    def view(request):
        return HttpResponse("")

    request = rf.get("/admin/iets/")
    middleware = ContentSecurityPolicyMiddleware(view)
    response = middleware(request)

    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


# Production settings, in a fresh interpreter: `check --deploy` is clean and a request over
# HTTPS behind the proxy gets HSTS, secure cookies and the policy.

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-deploy-check-1234567890",
    "ALLOWED_HOSTS": "portaal.example.nl",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_production(*args):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL"}
    }
    environment.update(PRODUCTION_ENV)
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_check_deploy_reports_nothing_with_production_settings():
    result = run_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PRODUCTION_REQUEST = """
import json, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
# No collectstatic here: plain static files instead of the manifest.
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}, ROOT_URLCONF="tests.security_urls").enable()
client = Client(HTTP_HOST="portaal.example.nl")
plain = client.get("/token/")
secure = client.get("/token/", HTTP_X_FORWARDED_PROTO="https")
cookie = secure.cookies["csrftoken"]
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location"),
    "status": secure.status_code,
    "hsts": secure.headers.get("Strict-Transport-Security"),
    "csp": secure.headers.get("Content-Security-Policy"),
    "csrf_cookie": [cookie["secure"], cookie["httponly"], cookie["samesite"]],
    "settings": [
        django.conf.settings.SESSION_COOKIE_SECURE,
        django.conf.settings.SESSION_COOKIE_HTTPONLY,
        django.conf.settings.SESSION_COOKIE_SAMESITE,
    ],
}))
"""


@pytest.mark.slow
def test_production_sends_hsts_secure_cookies_and_redirects_to_https():
    result = run_production("-c", PRODUCTION_REQUEST)

    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["plain_status"] == 301
    assert answer["plain_location"] == "https://portaal.example.nl/token/"
    assert answer["status"] == 200
    assert answer["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in answer["csp"].split("; ")
    assert "upgrade-insecure-requests" in answer["csp"].split("; ")
    assert answer["csrf_cookie"] == [True, True, "Lax"]
    assert answer["settings"] == [True, True, "Lax"]


def test_the_communicatie_group_name_matches_news_provisioning():
    from news.provisioning import COMMS_GROUP

    assert COMMS_GROUP in live_settings.TWO_FACTOR_GROUPS
    assert Group.objects.filter(name=COMMS_GROUP).count() == 0
