"""The main menu comes from the cache, and is new after every change that shows in it."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db


def menu_of(client, url="/beesd/"):
    html = client.get(url).content.decode()
    return html.split('<nav class="site-nav"')[1].split("</nav>")[0]


def publish_section(municipality, title, slug, show_in_menus=True):
    section = Page(title=title, slug=slug, show_in_menus=show_in_menus, live=False)
    municipality.add_child(instance=section)
    section.save_revision().publish()
    return Page.objects.get(pk=section.pk)


def test_a_section_published_unpublished_renamed_or_deleted_shows_in_the_menu_at_once(
    client, municipality, beesd
):
    assert "Proefsectie" not in menu_of(client)  # the menu is in the cache now

    section = publish_section(municipality, "Proefsectie", "proefsectie")
    assert '<a href="/proefsectie/">Proefsectie</a>' in menu_of(client)

    section.title = "Andere naam"
    section.save_revision().publish()
    menu = menu_of(client)
    assert "Andere naam" in menu
    assert "Proefsectie" not in menu

    section.specific.unpublish()
    assert "Andere naam" not in menu_of(client)

    section.save_revision().publish()
    assert "Andere naam" in menu_of(client)
    Page.objects.get(pk=section.pk).delete()
    assert "Andere naam" not in menu_of(client)


def test_a_section_moved_away_or_restricted_leaves_the_menu(client, municipality, beesd):
    moved = publish_section(municipality, "Verhuisd", "verhuisd")
    closed = publish_section(municipality, "Besloten", "besloten")
    menu = menu_of(client)
    assert "Verhuisd" in menu
    assert "Besloten" in menu

    moved.move(beesd, pos="last-child")
    restriction = PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Bestuur"))

    menu = menu_of(client)
    assert "Verhuisd" not in menu
    assert "Besloten" not in menu


def test_the_current_section_is_marked_on_each_page_from_the_cached_menu(
    client, municipality, beesd
):
    sections = list(municipality.get_children().live().in_menu())
    first, second = sections[0], sections[1]

    on_section = menu_of(client, first.url)
    assert f'<a href="{first.url}" aria-current="page">{first.title}</a>' in on_section
    assert f'<a href="{second.url}">{second.title}</a>' in on_section
    assert 'aria-current="page">Alle kernen' not in on_section
    on_home = menu_of(client, "/")
    assert '<a href="/" aria-current="page">Alle kernen</a>' in on_home
    assert f'<a href="{first.url}">{first.title}</a>' in on_home


def test_a_warm_menu_costs_no_query(client, municipality, beesd, settings):
    """Counted on a view that is not a page (its only other query is the site)."""
    publish_section(municipality, "Proefsectie", "proefsectie")
    client.get("/mijn-gegevens/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/mijn-gegevens/").content.decode()
    assert '<a href="/proefsectie/">Proefsectie</a>' in html
    menu_queries = [
        query["sql"]
        for query in queries.captured_queries
        if '"show_in_menus"' in query["sql"].partition(" WHERE ")[2]
    ]
    assert menu_queries == []


def test_without_a_cache_the_menu_is_read_every_time(client, municipality, beesd, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    section = Page(title="Proefsectie", slug="proefsectie", show_in_menus=True)
    municipality.add_child(instance=section)  # no signal: only a fresh read shows it

    assert '<a href="/proefsectie/">Proefsectie</a>' in menu_of(client)
