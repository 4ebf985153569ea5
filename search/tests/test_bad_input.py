"""Odd and hostile input gets a normal page or a Dutch 404, never a 500 (on SQLite and on
PostgreSQL: CI runs this module on both)."""

import pytest

pytestmark = pytest.mark.django_db

QUERIES = {
    "empty": "",
    "spaces": "   ",
    "5000 characters": "fietspad " * 555,
    "quotes": '"speeltuin',
    "balanced quotes": '"speeltuin aan de"',
    "operators": "speeltuin AND OR NOT beesd",
    "only operators": "AND OR NOT",
    "minus": "-speeltuin -",
    "sql": "'; DROP TABLE wagtailcore_page; --",
    "sql union": "1' OR '1'='1' UNION SELECT password FROM auth_user --",
    "fts syntax": "speel* NEAR(tuin beesd) ^title: {x}",
    "trigram operator": "%> % _ \\",
    "emoji": "🎉🚲 feest",
    "only emoji": "🎉",
    "control characters": "speel\x00tuin\x1b",
    "html": "<script>alert(1)</script>",
    "tsquery syntax": "speeltuin & | ! <-> :* ( ) ' \\",
    "like wildcards": "speel_tuin% _%_ werk\\zaamheden",
    "long compound": "verkeersveiligheidsmaatregelenbesprekingsavondenreeks",
    "eight long words": "verkeersveiligheid " * 8 + "wegwerkzaamheden dorpshuis",
    "digits": "2027 1234567890123",
}


@pytest.fixture
def content(beesd, add_page):
    add_page(beesd, "Speeltuin Molenweg")
    return beesd


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_odd_queries_give_a_normal_page(client, content, query):
    response = client.get("/zoeken/", {"q": query})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert client.get("/zoeken/suggesties/", {"q": query}).status_code == 200
    assert client.get("/zoeken/", {"q": query, "kern": query, "soort": query}).status_code == 200


@pytest.mark.parametrize("query", ["de", "het en de", "Van de"])
def test_a_query_of_only_stop_words_says_so_in_dutch(client, content, query):
    response = client.get("/zoeken/", {"q": query})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Je zocht alleen op heel gewone woorden" in html
    assert client.get("/zoeken/suggesties/", {"q": query}).status_code == 200


def test_a_query_with_a_word_that_means_something_gets_no_stop_word_note(client, content):
    html = client.get("/zoeken/", {"q": "de speeltuin"}).content.decode()

    assert "<mark>Speeltuin</mark> Molenweg" in html
    assert "Je zocht alleen op heel gewone woorden" not in html


def test_a_very_long_query_is_shortened_and_says_so(client, content):
    html = client.get("/zoeken/", {"q": "speeltuin " * 500}).content.decode()

    assert "We hebben de eerste 200 tekens gebruikt." in html


@pytest.mark.parametrize("page", ["99", "0", "-1", "abc", "1.5", "²", "9" * 30, "", "1e3"])
def test_a_page_number_that_does_not_exist_is_a_dutch_404(client, content, page):
    response = client.get("/zoeken/", {"q": "speeltuin", "page": page})

    html = response.content.decode()
    assert response.status_code == 404
    assert "bestaat niet" in html
    assert '<html lang="nl">' in html


def test_the_last_page_exists(client, content):
    assert client.get("/zoeken/", {"q": "speeltuin", "page": "1"}).status_code == 200


def test_only_get_is_allowed(client, content):
    assert client.post("/zoeken/", {"q": "speeltuin"}).status_code == 405
