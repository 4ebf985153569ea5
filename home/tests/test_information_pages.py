"""The accessibility statement and the privacy statement: made by provisioning, shown, linked
in the footer, and edited by the comms group only."""

from django.core.cache import cache

import pytest

from home.models import InformationPage
from kernen.provisioning import provision_municipality
from news.provisioning import comms_group_for

pytestmark = pytest.mark.django_db


def test_provisioning_creates_both_statements_once(municipality):
    provision_municipality("West Betuwe")  # again: nothing doubles

    pages = InformationPage.objects.child_of(municipality).live().order_by("path")
    assert [(page.slug, page.title) for page in pages] == [
        ("toegankelijkheid", "Toegankelijkheidsverklaring"),
        ("privacy", "Privacyverklaring"),
    ]


def test_an_edited_statement_is_not_overwritten(municipality):
    page = InformationPage.objects.get(slug="privacy")
    page.title = "Privacy bij West Betuwe"
    page.save_revision().publish()

    provision_municipality("West Betuwe")

    assert InformationPage.objects.get(slug="privacy").title == "Privacy bij West Betuwe"


def test_statements_render_with_their_sections(client, municipality):
    accessibility = client.get("/toegankelijkheid/").content.decode()
    privacy = client.get("/privacy/").content.decode()

    assert "<h1>Toegankelijkheidsverklaring</h1>" in accessibility
    for heading in ("Status", "Wat we hebben getest en hoe", "Bekende problemen", "Contact"):
        assert f"<h2>{heading}</h2>" in accessibility
    assert "gemeente West Betuwe" in accessibility
    for heading in ("Welke gegevens bewaren we?", "Waarom?", "Hoe lang?", "Je rechten"):
        assert f"<h2>{heading}</h2>" in privacy
    assert "Je bedrijf aanmelden" in privacy and "na een week" in privacy


def test_the_footer_links_to_the_statements_and_follows_changes(client, municipality):
    html = client.get("/").content.decode()
    assert '<a href="/toegankelijkheid/">Toegankelijkheidsverklaring</a>' in html
    assert '<a href="/privacy/">Privacyverklaring</a>' in html

    InformationPage.objects.get(slug="privacy").unpublish()

    html = client.get("/").content.decode()
    assert 'href="/privacy/"' not in html
    assert 'href="/toegankelijkheid/"' in html


def test_the_footer_links_cost_no_query_once_cached(
    client, municipality, django_assert_num_queries
):
    from django.template import Context, Template
    from django.test import RequestFactory

    cache.clear()
    request = RequestFactory().get("/")
    template = Template("{% load navigation_tags %}{% information_pages as links %}{{ links }}")
    template.render(Context({"request": request}))
    request = RequestFactory().get("/")
    request._wagtail_site = municipality.get_site()
    with django_assert_num_queries(0):
        rendered = template.render(Context({"request": request}))
    assert "Privacyverklaring" in rendered


def edit_url(slug):
    return f"/admin/pages/{InformationPage.objects.get(slug=slug).pk}/edit/"


def test_the_comms_group_may_edit_and_publish_the_statements(client, municipality, make_user):
    group, _pages = comms_group_for(municipality)
    comms = make_user("communicatie", group)
    client.force_login(comms)
    page = InformationPage.objects.get(slug="toegankelijkheid")

    assert client.get(edit_url("toegankelijkheid")).status_code == 200
    assert page.permissions_for_user(comms).can_publish()


def test_kern_editors_and_others_may_not_edit_the_statements(
    client, municipality, beesd_editor, make_user
):
    page = InformationPage.objects.get(slug="privacy")
    assert not page.permissions_for_user(beesd_editor).can_edit()

    client.force_login(beesd_editor)
    response = client.get(edit_url("privacy"))
    assert response.status_code in (302, 403)

    client.force_login(make_user("bezoeker"))
    assert client.get(edit_url("privacy")).status_code in (302, 403)
