"""SQL queries of the search pages, pinned: they must not grow with the number of matching
pages or kernen. A change that adds queries must change these numbers on purpose."""

from django.db import connection

import pytest

from kernen.models import AreaBroker
from search.tests.conftest import on_postgres_index

pytestmark = pytest.mark.django_db

#: The match is two queries on PostgreSQL (the compound forms of the words from the site's
#: vocabulary, then the match over the index); other backends are asked for ids and a second
#: query keeps the public pages.
MATCH_QUERIES = 2
#: Every search page: site, site root with its kernen (main menu, portal settings: cached).
BASE_QUERIES = 2
#: Page one of the results: + match, promotions, the popular-search count (one UPDATE) and
#: the results: 1 query, whatever mix of page types (every page type joined, see
#: search.results.build_results; it was 1 + 1 per page type with Wagtail's ``specific()``).
RESULTS_PAGE_QUERIES = BASE_QUERIES + MATCH_QUERIES + 1 + 1 + 1
#: Filtered to plain pages, page 2: no promotions, no count.
FILTERED_PAGE_2_QUERIES = BASE_QUERIES + MATCH_QUERIES + 1
#: Nothing found: + match (PostgreSQL: the vocabulary and the match; SQLite: no ids, so no
#: second query), promotions, popular searches.
NO_RESULTS_PAGE_QUERIES = BASE_QUERIES + (2 if on_postgres_index else 1) + 1 + 1
#: Suggestions: site, site root with its kernen, match, titles.
SUGGESTIONS_QUERIES = 2 + MATCH_QUERIES + 1
#: The time limit of the match on PostgreSQL (search.engine._within_time): set_config, and in
#: a test's transaction a savepoint, its release and a second set_config (a request outside a
#: transaction makes the first one only).
TIME_LIMIT_QUERIES = 4 if on_postgres_index else 0


@pytest.fixture(autouse=True)
def _no_search_cache(settings):
    """These count what a search costs; the same search again comes from the cache
    (test_limits.py)."""
    settings.SEARCH_CACHE_SECONDS = 0


def add_content(make_kern, add_page, kernen, pages_per_kern):
    for name in kernen:
        kern = make_kern(
            name, intro=f"{name} ligt in West Betuwe.", area_broker=AreaBroker.objects.first()
        )
        for number in range(pages_per_kern):
            add_page(kern, f"Dorpshuis {name} nieuws {number}")


@pytest.mark.parametrize(
    ("url", "pinned"),
    [
        ("/zoeken/?q=dorpshuis", RESULTS_PAGE_QUERIES + TIME_LIMIT_QUERIES),
        (
            "/zoeken/?q=dorpshuis&soort=wagtailcore.page&sorteer=datum&page=2",
            FILTERED_PAGE_2_QUERIES + TIME_LIMIT_QUERIES,
        ),
        (
            "/zoeken/?q=dorpshuis&kern=beesd&soort=wagtailcore.page",
            FILTERED_PAGE_2_QUERIES + 1 + TIME_LIMIT_QUERIES,
        ),
        ("/zoeken/?q=onvindbaarwoord", NO_RESULTS_PAGE_QUERIES + TIME_LIMIT_QUERIES),
        ("/zoeken/suggesties/?q=dorpshuis", SUGGESTIONS_QUERIES + TIME_LIMIT_QUERIES),
    ],
)
def test_search_queries_do_not_grow_with_content(
    client, make_kern, add_page, count_queries, url, pinned
):
    AreaBroker.objects.create(name="Anouk de Wit", email="a@westbetuwe.example")
    add_content(make_kern, add_page, ["Beesd", "Heukelum"], pages_per_kern=6)
    response, few = count_queries(client, url)
    assert response.status_code == 200
    add_content(make_kern, add_page, ["Asperen", "Spijk", "Tuil", "Varik"], pages_per_kern=12)
    response, many = count_queries(client, url)

    assert response.status_code == 200
    assert few == many, f"{url} makes more queries with more content ({connection.vendor})"
    assert many == pinned
    assert many <= 15


def test_a_page_of_results_of_many_types_costs_what_one_of_one_type_costs(
    client, make_kern, add_page, count_queries
):
    beesd = make_kern("Beesd", intro="Beesd ligt aan de Linge.")
    for number in range(3):
        add_page(beesd, f"Kermis {number}")
    response, one_type = count_queries(client, "/zoeken/?q=kermis")
    assert "Kern</span>" not in response.content.decode()

    for name in ("Asperen", "Spijk", "Tuil"):
        make_kern(name, intro=f"In {name} is elk jaar kermis.")
    response, two_types = count_queries(client, "/zoeken/?q=kermis")

    html = response.content.decode()
    assert '<span class="search-result__type">Kern</span>' in html
    assert '<span class="search-result__type">Pagina</span>' in html
    assert two_types == one_type
