from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

import pytest

from home.queries import public
from kernen.models import KernPage

pytestmark = pytest.mark.django_db


def test_public_leaves_out_restricted_pages_and_their_descendants(
    municipality, beesd, heukelum, django_assert_num_queries
):
    board = Page(title="Besloten", slug="besloten")
    beesd.add_child(instance=board)
    minutes = Page(title="Notulen", slug="notulen")
    board.add_child(instance=minutes)
    restriction = PageViewRestriction.objects.create(
        page=board, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Beesd – besloten"))

    with django_assert_num_queries(1):
        titles = set(
            public(Page.objects.descendant_of(municipality)).values_list("title", flat=True)
        )

    assert titles == set(
        Page.objects.descendant_of(municipality).public().values_list("title", flat=True)
    )
    assert {"Beesd", "Heukelum"} <= titles
    assert "Besloten" not in titles
    assert "Notulen" not in titles


def test_public_works_on_specific_querysets(beesd, heukelum):
    restriction = PageViewRestriction.objects.create(
        page=heukelum, restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk

    assert list(public(KernPage.objects.live()).values_list("title", flat=True)) == ["Beesd"]
