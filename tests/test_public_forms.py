"""The public forms' pages are cached for anonymous visitors, and their forms stay protected
against cross-site posts (security.csrf, docs/security.md): an action point's "doe mee", an
activity's registration, a Wagtail form page (klankbordgroep) and the subscription form."""

from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.forms.models import FormSubmission

import pytest

from agenda.factories import ActionPointPageFactory
from agenda.models import KernagendaPage, SignUp
from events.factories import EventPageFactory
from events.models import EventIndexPage, Registration
from home.factories import FormPageFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
EVIL = "https://evil.example"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Pages and rate limits live in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def visitor():
    """A new visitor's browser: no cookie yet, and Django's CSRF check switched on."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def forms(beesd, municipality):
    """For each kind of public form: (page URL, form action, valid data, stored rows)."""
    point = ActionPointPageFactory(
        parent=KernagendaPage.objects.child_of(beesd).get(), kern=beesd, slug="speeltuin"
    )
    event = EventPageFactory(
        parent=EventIndexPage.objects.child_of(beesd).get(),
        slug="workshop",
        registration_enabled=True,
        max_places=10,
    )
    form_page = FormPageFactory(parent=municipality)
    person = {"name": "Sanne de Boer", "email": "sanne@example.nl", "website": ""}
    return {
        "doe mee": (
            point.url,
            f"{point.url}doe-mee/",
            {**person, "kern": beesd.pk, "contribution": "Flyers", "consent": "on"},
            SignUp.objects.count,
        ),
        "registration": (event.url, f"{event.url}aanmelden/", person, Registration.objects.count),
        "form page": (
            form_page.url,
            form_page.url,
            {"naam": "Jan Jansen", "e_mailadres": "jan@example.nl", "website": ""},
            FormSubmission.objects.count,
        ),
        "subscribe": (
            "/blijf-op-de-hoogte/",
            "/blijf-op-de-hoogte/",
            {**person, "kernen": [beesd.pk], "kinds": ["nieuws"]},
            lambda: len(mail.outbox),  # nothing is stored before the address is confirmed
        ),
    }


KINDS = ["doe mee", "registration", "form page", "subscribe"]


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_of_a_public_form_is_cached_and_holds_no_token(visitor, forms, kind):
    url, action, _, _ = forms[kind]
    first = visitor.get(url)
    assert first.status_code == 200
    assert f'action="{action}"' in first.content.decode()
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies  # no CSRF cookie: one page for every visitor

    second, queries = get(Client(), url)
    assert second["X-Page-Cache"] == "hit"
    assert queries == 0


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_visitor_posts_a_cached_form_from_this_site(
    visitor, forms, kind, django_capture_on_commit_callbacks
):
    url, action, data, stored = forms[kind]
    Client().get(url)  # someone else filled the cache
    page = visitor.get(url)
    assert page["X-Page-Cache"] == "hit"
    before = stored()

    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(action, data, HTTP_ORIGIN=SITE, HTTP_SEC_FETCH_SITE="same-origin")

    assert response.status_code in (200, 302), response.content.decode()[:500]
    assert stored() == before + 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": EVIL},
        {"HTTP_ORIGIN": EVIL, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": SITE, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": f"{EVIL}/form/"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://[", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {},  # nothing says where the form was
    ],
    ids=["origin", "origin-and-fetch", "fetch-site", "referer", "null", "malformed", "no-headers"],
)
def test_a_cross_site_post_is_refused_and_stores_nothing(
    visitor, forms, kind, headers, django_capture_on_commit_callbacks
):
    url, action, data, stored = forms[kind]
    visitor.get(url)
    before = stored()

    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(action, data, **headers)

    assert response.status_code == 403
    assert stored() == before


def test_a_same_origin_referer_is_enough_without_an_origin(visitor, forms):
    url, action, data, stored = forms["form page"]
    response = visitor.post(action, data, HTTP_REFERER=f"{SITE}{url}")
    assert response.status_code in (200, 302)
    assert stored() == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_logged_in_member_still_needs_the_token(visitor, forms, kind, beesd_editor):
    url, action, data, stored = forms[kind]
    visitor.force_login(beesd_editor)
    page = visitor.get(url)
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert "X-Page-Cache" not in page

    refused = visitor.post(action, data, HTTP_ORIGIN=SITE, HTTP_SEC_FETCH_SITE="same-origin")
    assert refused.status_code == 403
    assert stored() == 0


def test_other_forms_of_anonymous_visitors_still_need_the_token(visitor, beesd):
    """The login form is no public form: a same-origin POST without the token is refused."""
    response = visitor.post(
        "/inloggen/",
        {"username": "x", "password": "y"},
        HTTP_ORIGIN=SITE,
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 403
