import pytest

pytestmark = pytest.mark.django_db


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

    assert response.status_code == 200
    assert "Niets gevonden voor" in response.content.decode()


@pytest.mark.parametrize("page", ["99", "abc", "-1"])
def test_search_page_out_of_range_is_a_404_not_a_500(client, beesd, page):
    response = client.get("/zoeken/", {"q": "Beesd", "page": page})

    assert response.status_code == 404


def test_search_never_shows_a_draft(client, make_kern):
    make_kern("Spijk", intro="Spijk ligt in de polder.").unpublish()

    html = client.get("/zoeken/", {"q": "polder"}).content.decode()

    assert 'href="/spijk/"' not in html
