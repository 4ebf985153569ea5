"""Fixtures shared by every app's tests: a provisioned municipality with kernen, and users."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from kernen.provisioning import provision_kern, provision_municipality


@pytest.fixture
def municipality(db):
    home, _report = provision_municipality("West Betuwe", is_default_site=True)
    return home


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
    (response, number of SQL queries)."""

    def count(client, url):
        client.get(url)  # warm caches (site root paths), as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return response, len(queries)

    return count
