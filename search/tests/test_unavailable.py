"""Elasticsearch configured but unreachable: the site serves, publishing works (the index
update fails softly and is logged), and /zoeken/ says in Dutch that search is down (503)."""

import logging

import pytest

from search.engine import Scope, SearchUnavailable, find

pytestmark = pytest.mark.django_db


@pytest.fixture
def elasticsearch_down(settings, closed_port):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [f"http://127.0.0.1:{closed_port}"],
            "INDEX_PREFIX": "kernenportaal_down_",
            "TIMEOUT": 2,
        }
    }


def test_search_says_in_dutch_that_it_is_temporarily_unavailable(client, beesd, elasticsearch_down):
    response = client.get("/zoeken/", {"q": "Linge"})

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Zoeken is tijdelijk niet beschikbaar" in html
    assert 'role="alert"' in html
    assert "Traceback" not in html and "9200" not in html and "127.0.0.1" not in html
    # The search form is still there, to try again.
    assert 'name="q"' in html


def test_suggestions_answer_503_with_an_empty_list(client, beesd, elasticsearch_down):
    response = client.get("/zoeken/suggesties/", {"q": "Bee"})

    assert response.status_code == 503
    assert response.json() == {"query": "Bee", "suggestions": []}


def test_the_site_serves_and_publishing_works_while_search_is_down(
    client, beesd, elasticsearch_down, caplog
):
    assert client.get("/zoeken/").status_code == 200  # the empty search page needs no backend
    assert client.get(beesd.url).status_code == 200

    beesd.intro = "Beesd ligt aan de Linge."
    with caplog.at_level(logging.ERROR, logger="modelsearch.index"):
        beesd.save_revision().publish()

    beesd.refresh_from_db()
    assert beesd.live and beesd.intro == "Beesd ligt aan de Linge."
    assert "Beesd ligt aan de Linge." in client.get(beesd.url).content.decode()
    # The failed index update is logged (and made good by `update_index`, docs/operations.md).
    assert any("search backend" in record.getMessage() for record in caplog.records)


def test_find_raises_search_unavailable_instead_of_a_client_error(beesd, elasticsearch_down):
    with pytest.raises(SearchUnavailable):
        find(Scope.for_site(beesd.get_site()), "Linge")
