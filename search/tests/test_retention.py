"""The search log is purged with the rest of the personal data: what people searched for is
deleted after ``PRIVACY_SEARCH_QUERIES_DAYS`` (docs/privacy.md)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from privacy.registry import purge

pytestmark = pytest.mark.django_db


def searched(text, days_ago):
    Query.get(text).add_hit(date=timezone.localdate() - timedelta(days=days_ago))


def test_searches_older_than_the_period_are_deleted_and_recent_ones_kept(municipality, settings):
    settings.PRIVACY_SEARCH_QUERIES_DAYS = 30
    searched("jan de vries dorpsstraat 12", days_ago=31)
    searched("markt", days_ago=31)
    searched("markt", days_ago=2)
    searched("afvalkalender", days_ago=29)

    counts = purge()

    assert counts["search_queries"] == 3  # two old day counts and the query left without one
    assert sorted(Query.objects.values_list("query_string", flat=True)) == [
        "afvalkalender",
        "markt",
    ]
    assert QueryDailyHits.objects.count() == 2


def test_a_query_with_a_pinned_result_stays_without_its_old_counts(municipality, settings):
    searched("raadsvergadering", days_ago=400)
    SearchPromotion.objects.create(
        query=Query.get("raadsvergadering"),
        external_link_url="https://westbetuwe.example/raad",
        external_link_text="Gemeenteraad",
        sort_order=0,
    )

    purge()

    assert Query.objects.filter(query_string="raadsvergadering").exists()
    assert not QueryDailyHits.objects.exists()


def test_the_daily_purge_command_includes_the_search_log(municipality, capsys):
    searched("iets persoonlijks", days_ago=365)

    call_command("purge_personal_data")

    assert "search_queries: 2" in capsys.readouterr().out
    assert not Query.objects.exists()
