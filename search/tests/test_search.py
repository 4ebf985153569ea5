"""The search page as a visitor sees it: what it finds, how results look, facets, order and
pages. Runs on SQLite and on PostgreSQL (and on Elasticsearch via test_elasticsearch)."""

import re
from datetime import timedelta

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import pytest

from search.tests.conftest import needs_compounds, needs_postgres_ranking, needs_stemming

pytestmark = pytest.mark.django_db


def result_titles(response):
    """The titles of the results, in order, without their highlighting."""
    html = response.content.decode()
    titles = re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def test_search_finds_a_kern_by_its_text(client, make_kern):
    make_kern("Beesd", intro="Beesd ligt aan de Linge.")
    make_kern("Varik", intro="Varik ligt aan de Waal.")

    response = client.get("/zoeken/", {"q": "Linge"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/beesd/"' in html
    assert 'href="/varik/"' not in html


def test_search_without_query_explains_what_to_do(client, municipality):
    response = client.get("/zoeken/")

    assert response.status_code == 200
    assert "Typ in het zoekvak" in response.content.decode()


def test_search_without_results_says_so_in_dutch(client, beesd):
    response = client.get("/zoeken/", {"q": "onvindbaarwoord"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Geen resultaten" in html
    assert "Niets gevonden voor" in html


def test_search_never_shows_a_draft(client, make_kern):
    make_kern("Spijk", intro="Spijk ligt in de polder.").unpublish()

    html = client.get("/zoeken/", {"q": "polder"}).content.decode()

    assert 'href="/spijk/"' not in html


def test_a_result_shows_title_type_kern_date_and_highlighted_snippet(client, make_kern):
    make_kern("Beesd", intro="Beesd ligt aan de Linge, met een haven.")

    html = client.get("/zoeken/", {"q": "haven"}).content.decode()

    result = html.split('<li class="search-result">')[1].split("</li>")[0]
    assert '<a href="/beesd/">Beesd</a>' in result  # no search word in the title
    assert '<span class="search-result__type">Kern</span>' in result
    assert '<span class="search-result__kern">Beesd</span>' in result
    assert "<time datetime=" in result
    assert "<mark>haven</mark>" in result


def test_the_snippet_escapes_page_text(client, make_kern):
    make_kern("Beesd", intro="Haven <script>alert(1)</script> aan de Linge.")

    html = client.get("/zoeken/", {"q": "Linge"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Linge</mark>" in html


def test_results_are_paginated_in_dutch_and_past_the_end_is_a_404(client, beesd, add_page):
    for number in range(12):
        add_page(beesd, f"Dorpsfeest {number}")

    first = client.get("/zoeken/", {"q": "Dorpsfeest"})
    second = client.get("/zoeken/", {"q": "Dorpsfeest", "page": "2"})
    past = client.get("/zoeken/", {"q": "Dorpsfeest", "page": "3"})

    assert len(result_titles(first)) == 10
    assert "Pagina 1 van 2" in first.content.decode()
    assert "12 resultaten" in first.content.decode()
    assert len(result_titles(second)) == 2
    assert past.status_code == 404
    assert "Deze pagina met resultaten bestaat niet." in past.content.decode()


def test_facets_count_by_kern_and_type_and_narrow_when_combined(client, beesd, heukelum, add_page):
    add_page(beesd, "Zomermarkt op het plein")
    add_page(beesd, "Zomermarkt: de kramen")
    add_page(heukelum, "Zomermarkt aan de Linge")
    beesd.intro = "Elke zomer een Zomermarkt."
    beesd.save_revision().publish()

    everything = client.get("/zoeken/", {"q": "zomermarkt"}).content.decode()
    in_beesd = client.get("/zoeken/", {"q": "zomermarkt", "kern": "beesd"})
    plain_in_beesd = client.get(
        "/zoeken/", {"q": "zomermarkt", "kern": "beesd", "soort": "wagtailcore.page"}
    )

    assert "4 resultaten" in everything
    assert re.search(r"Beesd <span class=\"facet-count\">\(3\)</span>", everything)
    assert re.search(r"Heukelum <span class=\"facet-count\">\(1\)</span>", everything)
    assert re.search(r"Pagina <span class=\"facet-count\">\(3\)</span>", everything)
    assert re.search(r"Kern <span class=\"facet-count\">\(1\)</span>", everything)
    assert sorted(result_titles(in_beesd)) == [
        "Beesd",
        "Zomermarkt op het plein",
        "Zomermarkt: de kramen",
    ]
    assert sorted(result_titles(plain_in_beesd)) == [
        "Zomermarkt op het plein",
        "Zomermarkt: de kramen",
    ]
    # Counts of the type facet follow the kern filter.
    assert re.search(
        r"Pagina <span class=\"facet-count\">\(2\)</span>", plain_in_beesd.content.decode()
    )


def test_unknown_facet_values_are_ignored(client, beesd, add_page):
    add_page(beesd, "Zomermarkt op het plein")

    response = client.get(
        "/zoeken/", {"q": "zomermarkt", "kern": "atlantis", "soort": "nergens.niets"}
    )

    assert response.status_code == 200
    assert "Geen resultaten" in response.content.decode()


def test_sort_by_date_puts_the_newest_first(client, beesd, add_page):
    old = add_page(beesd, "Kermis in Beesd vroeger")
    new = add_page(beesd, "Kermis")
    now = timezone.now()
    Page.objects.filter(pk=old.pk).update(first_published_at=now - timedelta(days=30))
    Page.objects.filter(pk=new.pk).update(first_published_at=now)
    add_page(beesd, "Kermis op het plein")  # published just now as well
    Page.objects.filter(title="Kermis op het plein").update(
        first_published_at=now - timedelta(days=3)
    )

    titles = result_titles(client.get("/zoeken/", {"q": "kermis", "sorteer": "datum"}))

    assert titles == ["Kermis", "Kermis op het plein", "Kermis in Beesd vroeger"]


def test_search_scoped_to_a_kern_from_the_kern_page(client, beesd, heukelum, add_page):
    add_page(beesd, "Snoeiavond Beesd")
    add_page(heukelum, "Snoeiavond Heukelum")

    kern_page = client.get("/beesd/").content.decode()
    scoped = client.get("/zoeken/", {"q": "snoeiavond", "kern": "beesd"})

    assert 'action="/zoeken/"' in kern_page
    assert '<input type="hidden" name="kern" value="beesd">' in kern_page
    assert "Zoeken in Beesd" in kern_page
    assert result_titles(scoped) == ["Snoeiavond Beesd"]
    assert "Zoeken in Beesd" in scoped.content.decode()


def test_promoted_results_are_shown_above_the_results(client, beesd, add_page):
    page = add_page(beesd, "Afvalkalender 2027")
    add_page(beesd, "Grofvuil en afval ophalen")
    query = Query.get("afval")
    SearchPromotion.objects.create(query=query, page=page, description="Wanneer welke bak?")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://afval.example/",
        external_link_text="Afvalwijzer",
        sort_order=1,
    )

    html = client.get("/zoeken/", {"q": "Afval"}).content.decode()

    assert "Aanbevolen" in html
    promoted = html.split('class="search-promotions"')[1].split("</section>")[0]
    assert '<a href="/beesd/afvalkalender-2027/">Afvalkalender 2027</a>' in promoted
    assert "Wanneer welke bak?" in promoted
    assert '<a href="https://afval.example/">Afvalwijzer</a>' in promoted
    assert html.index("Aanbevolen") < html.index('class="result-list"')


def test_no_promotions_for_another_query(client, beesd, add_page):
    page = add_page(beesd, "Afvalkalender 2027")
    SearchPromotion.objects.create(query=Query.get("afval"), page=page)

    html = client.get("/zoeken/", {"q": "Afvalkalender"}).content.decode()

    assert "Aanbevolen" not in html


def test_no_results_suggests_kern_names_and_popular_searches(client, beesd, heukelum):
    Query.get("zwembad").add_hit()
    Query.get("zwembad").add_hit()

    html = client.get("/zoeken/", {"q": "Huekelum"}).content.decode()

    assert "Geen resultaten" in html
    assert "Bedoel je:" in html
    assert '<a href="/zoeken/?q=Heukelum">Heukelum</a>' in html
    assert '<a href="/zoeken/?q=zwembad">zwembad</a>' in html


def test_a_search_with_results_counts_as_popular_and_one_without_does_not(client, beesd):
    client.get("/zoeken/", {"q": "Beesd"})
    client.get("/zoeken/", {"q": "onvindbaarwoord"})

    assert Query.get("beesd").hits == 1
    assert not Query.objects.filter(query_string="onvindbaarwoord", daily_hits__isnull=False)


def test_suggestions_endpoint_returns_matching_titles_as_json(client, beesd, add_page):
    add_page(beesd, "Speeltuin Molenweg")

    response = client.get("/zoeken/suggesties/", {"q": "Speeltuin"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    assert suggestions == [
        {
            "title": "Speeltuin Molenweg",
            "url": "/beesd/speeltuin-molenweg/",
            "type": "Pagina",
            "kern": "Beesd",
        }
    ]
    assert client.get("/zoeken/suggesties/", {"q": "s"}).json()["suggestions"] == []


def test_the_search_box_is_on_every_page_with_suggestions_script(client, beesd):
    for url in ("/", "/beesd/", "/zoeken/?q=Beesd"):
        html = client.get(url).content.decode()
        assert 'role="search"' in html
        assert 'data-suggest-url="/zoeken/suggesties/"' in html
        assert 'role="listbox"' in html
        assert "js/search-suggest.js" in html


@needs_stemming
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Het nieuwe fietspad naar school", "fietspaden"),
        ("Nieuwe fietspaden langs de Linge", "fietspad"),
        ("De speeltuin aan de Molenweg", "speeltuinen"),
    ],
)
def test_dutch_stemming_finds_other_forms_of_a_word(client, make_kern, text, query):
    make_kern("Beesd", intro=text)
    make_kern("Varik", intro="Varik ligt aan de Waal.")

    titles = result_titles(client.get("/zoeken/", {"q": query}))

    assert titles == ["Beesd"]


@needs_compounds
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Wegwerkzaamheden op de Dorpsstraat in mei", "werkzaamheden"),
        ("De speeltuinrenovatie begint na de zomer", "speeltuin"),
        ("De speeltuinrenovatie begint na de zomer", "speeltuin zomer"),
    ],
)
def test_compound_words_are_found_by_their_parts(client, make_kern, text, query):
    make_kern("Beesd", intro=text)
    make_kern("Varik", intro="Varik ligt aan de Waal.")

    response = client.get("/zoeken/", {"q": query})

    # Only the kern whose text holds the compound; a section page named after the word itself
    # (the municipality's "Werkzaamheden") may be found too.
    titles = result_titles(response)
    assert "Beesd" in titles
    assert "Varik" not in titles
    assert "<mark>" in response.content.decode()


@needs_compounds
def test_a_compound_query_finds_pages_with_its_parts_and_marks_them(client, make_kern):
    make_kern("Beesd", intro="Meer veiligheid voor fietsers: minder verkeer bij de school.")
    make_kern("Varik", intro="Het verkeer over de dijk is druk.")
    make_kern("Tuil", intro="Verkeersveiligheid staat op de agenda.")

    response = client.get("/zoeken/", {"q": "verkeersveiligheid"})

    titles = result_titles(response)
    assert sorted(titles) == ["Beesd", "Tuil"]  # both parts, or the compound itself
    assert "<mark>veiligheid</mark>" in response.content.decode()
    assert "<mark>verkeer</mark>" in response.content.decode()


@needs_compounds
def test_a_part_finds_the_compounds_that_contain_it(client, make_kern):
    make_kern("Tuil", intro="Verkeersveiligheid staat op de agenda.")
    make_kern("Varik", intro="Het verkeer over de dijk is druk.")

    assert result_titles(client.get("/zoeken/", {"q": "veiligheid"})) == ["Tuil"]


@needs_compounds
def test_a_page_published_later_is_found_by_its_compound(client, beesd, add_page):
    before = result_titles(client.get("/zoeken/", {"q": "werkzaamheden"}))
    assert "Rioolwerkzaamheden aan de Kerkstraat" not in before

    add_page(beesd, "Rioolwerkzaamheden aan de Kerkstraat")

    titles = result_titles(client.get("/zoeken/", {"q": "werkzaamheden"}))
    assert "Rioolwerkzaamheden aan de Kerkstraat" in titles


@needs_postgres_ranking
def test_a_page_titled_exactly_as_the_query_comes_first(client, beesd, add_page):
    exact = add_page(beesd, "Speeltuin")
    for number in range(12):
        add_page(beesd, f"Speeltuin en speeltuinen aan de Molenweg {number}", slug=f"m-{number}")
    assert exact.pk < max(Page.objects.values_list("pk", flat=True))  # the oldest of them

    titles = result_titles(client.get("/zoeken/", {"q": "speeltuin"}))

    assert titles[0] == "Speeltuin"


@needs_postgres_ranking
def test_a_word_in_the_title_ranks_above_a_word_in_the_text_only(client, beesd, heukelum, add_page):
    beesd.intro = "Bij de school komt een nieuw fietspad."
    beesd.save_revision().publish()
    add_page(heukelum, "Fietspad langs de Linge klaar")

    titles = result_titles(client.get("/zoeken/", {"q": "fietspad"}))

    assert titles == ["Fietspad langs de Linge klaar", "Beesd"]


@needs_compounds
def test_compound_matching_does_not_find_unrelated_words(client, make_kern):
    make_kern("Beesd", intro="De speeltuinrenovatie begint na de zomer")

    assert result_titles(client.get("/zoeken/", {"q": "vergunningen"})) == []
    assert "Beesd" not in result_titles(client.get("/zoeken/", {"q": "werkzaamheden"}))


def test_search_words_are_highlighted_in_titles_too(client, beesd, add_page):
    add_page(beesd, "Speeltuin <Molenweg> & co")

    html = client.get("/zoeken/", {"q": "speeltuin"}).content.decode()

    assert "<mark>Speeltuin</mark> &lt;Molenweg&gt; &amp; co</a>" in html


def test_a_kern_search_is_complete_however_many_hits_other_kernen_have(
    client, beesd, heukelum, add_page, monkeypatch
):
    monkeypatch.setattr("search.engine.MAX_HITS", 3)
    for number in range(4):
        add_page(heukelum, f"Oogstfeest Heukelum {number}")
    add_page(beesd, "Oogstfeest Beesd")

    everywhere = client.get("/zoeken/", {"q": "oogstfeest"}).content.decode()
    in_beesd = client.get("/zoeken/", {"q": "oogstfeest", "kern": "beesd"})

    assert "3 resultaten" in everywhere  # cut off at the maximum
    assert result_titles(in_beesd) == ["Oogstfeest Beesd"]
