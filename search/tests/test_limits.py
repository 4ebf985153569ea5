"""Search cannot be used to overload the site: a limit per visitor (with a Dutch 429 page),
the same search answered from the cache, and a time limit per search on PostgreSQL. The cache
never shows a page that was restricted or taken offline after the search was cached."""

import re
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.tests.conftest import needs_compounds

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    settings.SEARCH_RATE_LIMIT = 3
    settings.SEARCH_SUGGESTIONS_RATE_LIMIT = 3
    return 3


def search(client, query="speeltuin", address="192.0.2.1", **params):
    return client.get("/zoeken/", {"q": query, **params}, REMOTE_ADDR=address)


def text_of(response):
    """The page's HTML without the highlighting, so that titles can be looked for whole."""
    return re.sub(r"</?mark>", "", response.content.decode())


def test_searching_too_often_gets_a_friendly_dutch_page_with_a_time_to_wait(client, beesd, limit):
    for number in range(limit):
        assert search(client, f"speeltuin {number}").status_code == 200

    response = search(client, "speeltuin")

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Je hebt in korte tijd heel vaak gezocht" in html
    assert 'role="alert"' in html
    assert 'name="q"' in html  # the form is there to try again later
    # Another visitor searches as usual.
    other = search(client, "speeltuin", address="192.0.2.2")
    assert other.status_code == 200


def test_opening_the_search_page_without_a_query_is_not_counted(client, beesd, limit):
    for _ in range(limit + 2):
        assert client.get("/zoeken/", REMOTE_ADDR="192.0.2.1").status_code == 200

    assert search(client).status_code == 200


def test_suggestions_are_limited_per_visitor_too(client, beesd, limit):
    for _ in range(limit):
        response = client.get("/zoeken/suggesties/", {"q": "Bee"}, REMOTE_ADDR="192.0.2.1")
        assert response.status_code == 200

    response = client.get("/zoeken/suggesties/", {"q": "Bee"}, REMOTE_ADDR="192.0.2.1")

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response.json() == {"query": "Bee", "suggestions": []}


def test_the_same_search_again_comes_from_the_cache_with_the_same_results(client, beesd, add_page):
    add_page(beesd, "Speeltuin De Linge opent")
    add_page(beesd, "Speeltuin Waalstraat")

    with CaptureQueriesContext(connection) as first_queries:
        first = search(client)
    with CaptureQueriesContext(connection) as second_queries:
        second = search(client)

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert "Speeltuin Waalstraat" in text_of(second)
    # The match itself (the costly full-text query: SQLite's MATCH, PostgreSQL's tsquery) ran
    # once.
    matches = [
        [q["sql"] for q in queries.captured_queries if re.search(r"MATCH|tsquery", q["sql"])]
        for queries in (first_queries, second_queries)
    ]
    assert matches[0]
    assert matches[1] == []


def test_a_page_restricted_after_a_cached_search_is_gone_from_the_next_one(
    client, beesd, add_page, restrict
):
    add_page(beesd, "Speeltuin De Linge opent")
    secret = add_page(beesd, "Speeltuin bestuursnotitie")
    assert "Speeltuin bestuursnotitie" in text_of(search(client))

    restrict(secret)

    html = text_of(search(client))
    assert "Speeltuin bestuursnotitie" not in html
    assert "Speeltuin De Linge opent" in html


def test_a_page_taken_offline_or_published_after_a_cached_search_shows_at_once(
    client, beesd, add_page
):
    gone = add_page(beesd, "Speeltuin wordt gesloopt")
    assert "Speeltuin wordt gesloopt" in text_of(search(client))

    gone.unpublish()
    new = add_page(beesd, "Speeltuin nieuw geopend", live=False)
    new.save_revision().publish()

    html = text_of(search(client))
    assert "Speeltuin wordt gesloopt" not in html
    assert "Speeltuin nieuw geopend" in html


def test_a_logged_in_member_gets_the_same_public_results_from_the_cache(
    client, beesd, add_page, restrict, make_user
):
    add_page(beesd, "Speeltuin De Linge opent")
    restrict(add_page(beesd, "Speeltuin bestuursnotitie"), beesd.editors_group)
    client.force_login(make_user("redactie", beesd.editors_group))
    member_html = text_of(search(client))
    client.logout()

    html = text_of(search(client))

    assert "Speeltuin De Linge opent" in html and "Speeltuin De Linge opent" in member_html
    assert "Speeltuin bestuursnotitie" not in html + member_html


@needs_compounds
def test_a_search_that_runs_too_long_is_stopped_with_a_dutch_message(
    client, beesd, add_page, settings
):
    """The match on PostgreSQL runs with statement_timeout; here the database is made slow
    (a pg_sleep before the match) and the limit short."""
    add_page(beesd, "Speeltuin De Linge opent")
    settings.SEARCH_TIMEOUT_MS = 200
    settings.SEARCH_CACHE_SECONDS = 0

    def slow_match(execute, sql, params, many, context):
        if "wagtailsearch_indexentry" in sql:
            context["cursor"].execute("SELECT pg_sleep(2)")
        return execute(sql, params, many, context)

    began = time.monotonic()
    with connection.execute_wrapper(slow_match):
        response = search(client)
    seconds = time.monotonic() - began

    assert response.status_code == 503
    assert "Zoeken is tijdelijk niet beschikbaar" in response.content.decode()
    assert seconds < 2  # stopped, not waited for
    # The time limit was for that query only: the next search works.
    assert "Speeltuin De Linge opent" in text_of(search(client, address="192.0.2.9"))
