"""A page behind a password (Wagtail's PageViewRestriction.PASSWORD): the right password opens
it, and guessing is limited per visitor's address and page with a Dutch 429 page."""

from wagtail.models import Page, PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "Lingebrug-2027"


@pytest.fixture
def protected(beesd):
    page = Page(title="Dorpshuis intern", slug="dorpshuis-intern")
    beesd.add_child(instance=page)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


def guess(client, protected, password, address="192.0.2.1"):
    page, restriction = protected
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def test_the_right_password_opens_the_page(client, protected):
    page, _restriction = protected
    assert "Dorpshuis intern" not in client.get(page.url).content.decode()

    response = guess(client, protected, PASSWORD)

    assert response.status_code == 302
    assert response.url == page.url
    assert "<title>Dorpshuis intern" in client.get(page.url).content.decode()


def test_a_wrong_password_shows_the_form_again(client, protected):
    response = guess(client, protected, "fout")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_guessing_a_page_password_is_limited_per_visitor_and_page(client, settings, protected):
    settings.PAGE_PASSWORD_RATE_LIMIT = 3
    page, _restriction = protected
    for attempt in range(3):
        assert guess(client, protected, f"gok-{attempt}").status_code == 200

    response = guess(client, protected, PASSWORD)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Het wachtwoord van deze pagina is te vaak geprobeerd" in html
    assert "Dorpshuis intern" not in client.get(page.url).content.decode()
    # Another visitor with the right password gets in.
    assert guess(client, protected, PASSWORD, address="192.0.2.2").status_code == 302
