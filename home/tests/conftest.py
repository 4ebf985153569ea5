"""Fixtures for the home app's tests: a klankbordgroep form page."""

from django.core.cache import cache

import pytest

from home.models import FormField, FormPage
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
        fields = {
            "to_address": "communicatie@westbetuwe.example",
            "from_address": "noreply@westbetuwe.example",
            "subject": "Nieuwe aanmelding klankbordgroep",
            "thank_you_text": "<p>Bedankt voor je aanmelding!</p>",
            **fields,
        }
        page = FormPage(title="Klankbordgroep", slug="klankbordgroep", **fields)
        specs = [
            ("Naam", "singleline", True),
            ("E-mailadres", "email", True),
            ("Wil je nog iets kwijt?", "multiline", False),
        ] + [(f"Extra vraag {number}", "singleline", False) for number in range(extra_fields)]
        for order, (label, field_type, required) in enumerate(specs):
            page.form_fields.add(
                FormField(sort_order=order, label=label, field_type=field_type, required=required)
            )
        municipality.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
@snapshot
def form_page(make_form_page):
    return make_form_page()
