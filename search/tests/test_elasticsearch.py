"""The search tests again, against a real Elasticsearch cluster.

Runs when ``ELASTICSEARCH_URL`` is set (the settings then switch Wagtail's backend to
Elasticsearch for the whole test run), and is skipped with that reason otherwise.
"""

from django.conf import settings
from django.core.management import call_command

from wagtail.search.backends import get_search_backend

import pytest

from search.tests.test_bad_input import (  # noqa: F401 - collected again here
    test_a_page_number_that_does_not_exist_is_a_dutch_404,
    test_odd_queries_give_a_normal_page,
)
from search.tests.test_privacy import (  # noqa: F401
    test_restricted_pages_are_not_in_results_or_facet_counts,
    test_restricted_pages_are_not_suggested,
)
from search.tests.test_search import (  # noqa: F401
    test_dutch_stemming_finds_other_forms_of_a_word,
    test_facets_count_by_kern_and_type_and_narrow_when_combined,
    test_results_are_paginated_in_dutch_and_past_the_end_is_a_404,
    test_search_finds_a_kern_by_its_text,
    test_search_never_shows_a_draft,
)

pytestmark = [
    pytest.mark.skipif(
        not settings.ELASTICSEARCH_URL,
        reason="ELASTICSEARCH_URL is not set: these tests need a running Elasticsearch",
    ),
    pytest.mark.django_db,
]


def test_the_backend_is_elasticsearch_with_a_dutch_analyser():
    backend = get_search_backend()

    assert type(backend).__module__.endswith("elasticsearch9")
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "dutch"}


def test_update_index_fills_the_index(client, make_kern):
    make_kern("Beesd", intro="Beesd ligt aan de Linge.")
    get_search_backend().reset_indexes()

    call_command("update_index", verbosity=0)
    get_search_backend().get_index_for_model(type(make_kern("Beesd"))).refresh()

    assert 'href="/beesd/"' in client.get("/zoeken/", {"q": "Linge"}).content.decode()
