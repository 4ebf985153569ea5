from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from home import queries
from home.queries import public, restricted_paths
from kernen.models import KernPage

pytestmark = pytest.mark.django_db


def restrict(page, kind=PageViewRestriction.GROUPS):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name=f"{page.title} – besloten"))
    return restriction


def titles(pages):
    return set(pages.values_list("title", flat=True))


@pytest.fixture
def board(beesd):
    board = Page(title="Besloten", slug="besloten")
    beesd.add_child(instance=board)
    board.add_child(instance=Page(title="Notulen", slug="notulen"))
    return board


def test_public_leaves_out_restricted_pages_and_their_descendants(
    municipality, beesd, heukelum, board, django_assert_num_queries
):
    restrict(board)
    restrict(board.get_children().get(), PageViewRestriction.LOGIN)  # within the first one

    # The restricted paths are read once, then come from the cache.
    with django_assert_num_queries(2):
        first = titles(public(Page.objects.descendant_of(municipality)))
    with django_assert_num_queries(1):
        again = titles(public(Page.objects.descendant_of(municipality)))

    assert first == again == titles(Page.objects.descendant_of(municipality).public())
    assert {"Beesd", "Heukelum"} <= first
    assert "Besloten" not in first
    assert "Notulen" not in first
    # Notulen's restriction lies within the board's: one condition covers both.
    assert board.path in restricted_paths()
    assert not any(path.startswith(board.path) for path in set(restricted_paths()) - {board.path})


def test_public_works_on_specific_querysets(beesd, heukelum):
    restrict(heukelum, PageViewRestriction.LOGIN)

    assert list(public(KernPage.objects.live()).values_list("title", flat=True)) == ["Beesd"]


def test_a_restriction_added_or_removed_counts_at_once(beesd, heukelum, board):
    listing = Page.objects.descendant_of(beesd)
    assert "Besloten" in titles(public(listing))  # the paths are cached now

    restriction = restrict(board)
    assert "Besloten" not in titles(public(listing))
    assert "Notulen" not in titles(public(listing))

    restriction.delete()
    assert {"Besloten", "Notulen"} <= titles(public(listing))


def test_a_restricted_page_moved_stays_out_of_listings_at_its_new_place(
    municipality, beesd, heukelum, board
):
    restrict(board)
    assert "Besloten" not in titles(public(Page.objects.descendant_of(municipality)))

    Page.objects.get(pk=board.pk).move(heukelum, pos="last-child")

    moved = Page.objects.get(pk=board.pk)
    assert moved.path.startswith(heukelum.path)
    assert moved.path in restricted_paths()
    assert board.path not in restricted_paths()
    assert "Besloten" not in titles(public(Page.objects.descendant_of(heukelum)))
    # What now has the board's old path is public.
    assert titles(public(Page.objects.descendant_of(beesd))) == titles(
        Page.objects.descendant_of(beesd).public()
    )


def test_a_list_read_before_a_change_is_not_used_after_it(beesd, board):
    before = restricted_paths()
    version, _paths, reach = cache.get(queries.RESTRICTED_PATHS_KEY)

    restrict(board)
    # A process that read the list before the change stores it after the change's signal.
    cache.set(queries.RESTRICTED_PATHS_KEY, (version, before, reach))

    assert restricted_paths() == tuple(sorted((*before, board.path)))


def test_without_a_cache_every_listing_reads_the_restrictions_itself(
    beesd, board, settings, django_assert_num_queries
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    restrict(board)

    for _ in range(2):
        with django_assert_num_queries(2):
            assert "Besloten" not in titles(public(Page.objects.descendant_of(beesd)))


def test_many_restricted_pages_of_two_depths_stay_out_and_their_condition_stays_one_parameter(
    beesd, heukelum
):
    """Every board of every kern is restricted (two depths of paths, as in a real municipality):
    a listing keeps out each of them and their pages and keeps every public page. On
    PostgreSQL the paths of one depth travel as one array parameter, so building the listing
    costs the same with 3 restrictions as with 60."""
    boards = []
    for number in range(30):
        board = Page(title=f"Bestuur {number}", slug=f"bestuur-{number}")
        (beesd if number % 2 else heukelum).add_child(instance=board)
        inner = Page(title=f"Notulen {number}", slug="notulen")
        board.add_child(instance=inner)
        inner.add_child(instance=Page(title=f"Verslag {number}", slug="verslag"))
        restrict(board)
        restrict(inner, PageViewRestriction.LOGIN)  # within the board's: no condition of its own
        boards.append(board)
    for kern in (beesd, heukelum):
        listing = titles(public(Page.objects.descendant_of(kern, inclusive=True)))
        assert listing == titles(Page.objects.descendant_of(kern, inclusive=True).public())
        assert kern.title in listing
        assert not any(title.startswith(("Bestuur", "Notulen", "Verslag")) for title in listing)

    few = public(Page.objects.live()).filter(pk__in=[board.pk for board in boards[:3]])
    _sql, params = few.query.sql_with_params()
    if connection.vendor == "postgresql":
        # One array parameter per depth of the restricted paths, however many there are.
        depths = {len(path) for path in restricted_paths()}
        assert len(restricted_paths()) >= 30
        assert sum(isinstance(param, list) for param in params) == len(depths)
        assert len(params) == len(depths) + 1 + 3  # + the locale and the three pks


def test_within_a_request_the_restricted_paths_are_read_once(beesd, board, monkeypatch):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    reads = []
    read = queries._read_restricted_paths
    monkeypatch.setattr(queries, "_read_restricted_paths", lambda: reads.append(1) or read())
    # As Django's test client does: the test's transaction stays open over the "request".
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        for _ in range(3):
            assert "Besloten" in titles(public(Page.objects.descendant_of(beesd)))
        assert len(reads) == 1
        restrict(board)  # a change during the request counts at once
        assert "Besloten" not in titles(public(Page.objects.descendant_of(beesd)))
        assert len(reads) == 2
        request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)

    # Outside a request (a task, a command) every listing asks the cache.
    public(Page.objects.descendant_of(beesd)).exists()
    public(Page.objects.descendant_of(beesd)).exists()
    assert len(reads) == 4


def restriction_queries(queries):
    return [query for query in queries if "wagtailcore_pageviewrestriction" in query["sql"]]


def test_a_page_out_of_every_restrictions_reach_is_served_without_checking_one(
    client, django_user_model, beesd, heukelum
):
    restrict(heukelum, PageViewRestriction.LOGIN)
    client.get("/beesd/")  # the reach is read once, then comes from the cache

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/beesd/")

    assert response.status_code == 200
    assert not restriction_queries(queries)
    # The restricted kern is still checked, and refused to a visitor who is not logged in.
    with CaptureQueriesContext(connection) as queries:
        refused = client.get("/heukelum/")
    assert refused.status_code == 302 and "/heukelum/" in refused["Location"]
    assert restriction_queries(queries)
    client.force_login(django_user_model.objects.create_user("lid", password="x"))
    assert client.get("/heukelum/").status_code == 200


def test_an_alias_made_after_the_reach_was_read_has_its_sources_restriction(
    client, django_user_model, municipality, beesd, heukelum
):
    restrict(heukelum, PageViewRestriction.LOGIN)
    assert heukelum.path in queries.restriction_reach()
    client.get("/beesd/")

    alias = heukelum.create_alias(parent=municipality, update_slug="heukelum-kopie")

    assert alias.path in queries.restriction_reach()
    assert client.get("/heukelum-kopie/").status_code == 302
    client.force_login(django_user_model.objects.create_user("lid", password="x"))
    assert client.get("/heukelum-kopie/").status_code == 200


def test_an_entry_of_the_previous_release_is_read_again_not_a_500(client, beesd, heukelum):
    restrict(heukelum, PageViewRestriction.LOGIN)
    restricted_paths()
    version, _paths, _reach = cache.get(queries.RESTRICTED_PATHS_KEY)
    # Before restriction_reach the entry held two parts, without the aliases' reach.
    cache.set(queries.RESTRICTED_PATHS_KEY, (version, ()))

    assert client.get("/beesd/").status_code == 200
    assert client.get("/heukelum/").status_code == 302
    assert heukelum.path in restricted_paths()
