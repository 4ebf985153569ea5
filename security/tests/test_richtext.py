"""The admin's rich text editor: content that is not Draftail's JSON, posted by a script (the
editor in the browser never sends it), is a 400 and changes nothing; it was a 500."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

NOT_DRAFTAIL = ["not json", "[]", '{"blocks": 1}', '"tekst"', '{"blocks": [1]}']


@pytest.mark.parametrize("posted", NOT_DRAFTAIL)
def test_a_rich_text_field_that_is_not_draftails_json_is_a_400(
    client, admin_user, municipality, posted
):
    client.force_login(admin_user)
    before = municipality.intro

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[municipality.pk]),
        nested_form_data(
            {
                "title": "West Betuwe",
                "slug": municipality.slug,
                "municipality_name": "Gewijzigd",
                "intro": posted,
                "comments": inline_formset([]),
            }
        ),
    )

    assert response.status_code == 400
    assert "kunnen we niet lezen" in response.content.decode()
    municipality.refresh_from_db()
    assert (municipality.intro, municipality.municipality_name) == (before, "West Betuwe")
    assert not municipality.has_unpublished_changes


@pytest.mark.parametrize("posted", NOT_DRAFTAIL)
def test_a_rich_text_block_that_is_not_draftails_json_is_a_400(client, admin_user, beesd, posted):
    client.force_login(admin_user)
    index = NewsIndexPage.objects.child_of(beesd).get()

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]),
        nested_form_data(
            {
                "title": "Nieuws",
                "slug": "nieuws-1",
                "date": "2030-01-01",
                "intro": "Kort.",
                "image_alt": "",
                "body": streamfield([("paragraph", posted)]),
                "tags": "",
                "comments": inline_formset([]),
            }
        ),
    )

    assert response.status_code == 400
    assert not NewsPage.objects.exists()


def test_the_editor_still_saves_what_draftail_sends(client, admin_user, municipality):
    from wagtail.test.utils.form_data import rich_text

    client.force_login(admin_user)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[municipality.pk]),
        nested_form_data(
            {
                "title": "West Betuwe",
                "slug": municipality.slug,
                "municipality_name": "West Betuwe",
                "intro": rich_text("<p>Welkom in <b>West Betuwe</b>.</p>"),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302
    municipality.refresh_from_db()
    assert "Welkom in <b>West Betuwe</b>.</p>" in municipality.intro
