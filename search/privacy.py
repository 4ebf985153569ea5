"""The search log (AVG). What people type into the search box is counted per day (Wagtail's
``search_promotions``: ``Query`` and ``QueryDailyHits``) for the "popular searches"
suggestions and the admin's search terms report. A query can hold a name or an address, so the
day counts are deleted after ``PRIVACY_SEARCH_QUERIES_DAYS``, and with them every query left
without a count, unless Communicatie pinned a result to it. See docs/privacy.md."""

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from privacy.registry import Retention


def purge(before) -> int:
    # Searches are counted per day in the site's time zone (search.results.record_hit).
    days = QueryDailyHits.objects.filter(date__lt=timezone.localdate(before)).delete()[0]
    queries = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()
    return days + queries[0]


def retention_rules() -> list[Retention]:
    return [Retention("search_queries", "PRIVACY_SEARCH_QUERIES_DAYS", purge)]
