"""Fixtures shared by every app's tests: a provisioned municipality with kernen, and users."""

import socket

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

import pytest

from kernen.provisioning import provision_kern, provision_municipality


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: no page cached by one test is served in another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def municipality(db):
    home, _report = provision_municipality("West Betuwe", is_default_site=True)
    return home


@pytest.fixture
def languages(settings, municipality):
    """English and Polish language trees (/en/, /pl/) next to the Dutch one, for the kernen
    provisioned so far and every kern provisioned after."""
    from kernen.models import KernPage

    settings.PROVISION_LANGUAGES = True
    provision_municipality("West Betuwe", is_default_site=True)
    for kern in KernPage.objects.child_of(municipality):
        provision_kern(municipality, kern.title, slug=kern.slug)
    return municipality


@pytest.fixture
def make_kern(municipality):
    """Provision a kern of West Betuwe (or of ``home=``) and return its page."""

    def make(name, home=None, **fields):
        kern, _report = provision_kern(home or municipality, name, **fields)
        return kern

    return make


@pytest.fixture
def beesd(make_kern):
    return make_kern("Beesd", rollout_status="pilot")


@pytest.fixture
def heukelum(make_kern):
    return make_kern("Heukelum", rollout_status="pilot")


@pytest.fixture
def make_user(db):
    def make(username, *groups, **fields):
        user = get_user_model().objects.create_user(
            username=username, password="correct-horse-battery", **fields
        )
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
def beesd_editor(make_user, beesd):
    return make_user("redactie-beesd", beesd.editors_group)


@pytest.fixture
def count_queries():
    """Return a function that requests a URL after one warm-up request and returns
    (response, number of SQL queries). It counts rendering: the page cache is off."""

    def count(client, url):
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get(url)  # warm caches (site root paths), as a running server has them
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        return response, len(queries)

    return count


@pytest.fixture
def closed_port():
    """A local TCP port where nothing listens: a service that is down (Redis, Elasticsearch,
    the mail server) refuses at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pytest_collection_modifyitems(items):
    """A transactional test empties the database when it ends (Wagtail's root page too), and
    one without ``serialized_rollback`` leaves rows that the next restoring test collides with:
    every transactional test restores the database."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker and marker.kwargs.get("transaction")
        if transactional and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )
