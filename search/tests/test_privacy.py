"""Pages behind a view restriction never show in search: not in results, not in facet
counts, not in suggestions, not as a promoted result. Checked for an anonymous visitor and
for a logged-in member of another kern's group, with group and login restrictions."""

import re

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_TITLE = "Jaarvergadering dorpsbelang Beesd"
PRIVATE_TITLE = "Jaarvergadering bestuur geheim"
PRIVATE_CHILD_TITLE = "Jaarvergadering notulen concept"


def text_of(response):
    """The page's HTML without the highlighting, so that titles can be looked for whole."""
    return re.sub(r"</?mark>", "", response.content.decode())


@pytest.fixture(params=["groups", "login"])
def private_site(request, beesd, heukelum, add_page, restrict, board_group):
    """Beesd has a public page; Heukelum a board area (restricted) with a subpage."""
    add_page(beesd, PUBLIC_TITLE)
    board_area = add_page(heukelum, PRIVATE_TITLE, slug="besloten")
    add_page(board_area, PRIVATE_CHILD_TITLE)
    if request.param == "groups":
        restrict(board_area, board_group)
    else:
        restrict(board_area)
    return request.param


@pytest.fixture(params=["anonymous", "member of another kern"])
def visitor(request, client, make_user, beesd):
    if request.param == "member of another kern":
        client.force_login(make_user("bestuurslid-beesd", beesd.editors_group))
    return client


def test_restricted_pages_are_not_in_results_or_facet_counts(private_site, visitor):
    response = visitor.get("/zoeken/", {"q": "jaarvergadering"})

    html = text_of(response)
    assert response.status_code == 200
    assert PUBLIC_TITLE in html
    assert PRIVATE_TITLE not in html
    assert PRIVATE_CHILD_TITLE not in html
    assert "1 resultaat" in html
    assert "Heukelum" not in html.split('class="search-facets"')[1].split("</form>")[0]


def test_search_hides_restricted_pages_even_from_logged_in_users(private_site, visitor):
    """Search shows public pages only, also to users that could open the restricted page:
    a board area is found through the board's own pages, not through site search."""
    html = text_of(visitor.get("/zoeken/", {"q": "jaarvergadering notulen"}))

    assert PRIVATE_CHILD_TITLE not in html
    assert "Geen resultaten" in html


def test_restricted_pages_are_not_suggested(private_site, visitor):
    titles = [
        item["title"]
        for item in visitor.get("/zoeken/suggesties/", {"q": "Jaarvergadering"}).json()[
            "suggestions"
        ]
    ]

    assert titles == [PUBLIC_TITLE]


def test_a_kern_filter_on_the_restricted_kern_counts_nothing(private_site, visitor):
    html = text_of(visitor.get("/zoeken/", {"q": "jaarvergadering", "kern": "heukelum"}))

    assert PRIVATE_TITLE not in html
    assert "Geen resultaten" in html
    assert 'Heukelum <span class="facet-count">(0)</span>' in html


def test_a_promotion_of_a_restricted_page_is_not_shown(private_site, visitor, heukelum):
    from wagtail.models import Page

    board_area = Page.objects.get(slug="besloten")
    SearchPromotion.objects.create(query=Query.get("jaarvergadering"), page=board_area)

    html = text_of(visitor.get("/zoeken/", {"q": "jaarvergadering"}))

    assert "Aanbevolen" not in html
    assert PRIVATE_TITLE not in html
