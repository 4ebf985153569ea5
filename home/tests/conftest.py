"""Fixtures for the home app's tests: a klankbordgroep form page."""

from django.core.cache import cache

import pytest

from home.factories import FORM_FIELDS, FormPageFactory
from tests.snapshots import snapshot


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits live in the cache; every test starts without any."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_form_page(municipality):
    def make(extra_fields=0, **fields):
        extra = [(f"Extra vraag {number}", "singleline", False) for number in range(extra_fields)]
        return FormPageFactory(parent=municipality, fields=FORM_FIELDS + extra, **fields)

    return make


@pytest.fixture
@snapshot
def form_page(make_form_page):
    return make_form_page()
