"""Querysets of activities that other apps and pages use. Each costs one SQL query."""

from datetime import datetime, time, timedelta

from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from events.constants import FEED_AHEAD_DAYS, FEED_MAX_EVENTS, FEED_PAST_DAYS, LOCAL_TZ, Period
from home.queries import public


def live_events():
    """Published activities not behind a view restriction."""
    # Imported here: the page models import this module (their routes' data come from it).
    from events.models import EventPage

    return public(EventPage.objects.live())


def with_images(events):
    """``events`` with their images and the images' renditions: a listing that shows them
    costs the same number of queries however many activities have one."""
    return events.select_related("image").prefetch_related("image__renditions")


def upcoming(events, now=None):
    """Activities that have not ended yet, the first one first."""
    return events.filter(end__gte=now or timezone.now()).order_by("start", "pk")


def past(events, now=None):
    """Activities that have ended, the most recent first."""
    return events.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def upcoming_for_kern(kern, limit=None):
    """The coming activities of ``kern`` (a KernPage), the first one first."""
    events = upcoming(live_events().descendant_of(kern))
    return events[:limit] if limit else events


def period_end(period: str, now=None) -> datetime:
    """Where ``period`` ("week" or "maand") ends: next Monday or the first of next month, at
    midnight in the Netherlands."""
    today = timezone.localtime(now or timezone.now(), LOCAL_TZ).date()
    if period == Period.WEEK:
        last = today + timedelta(days=7 - today.weekday())
    elif period == Period.MONTH:
        last = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    else:
        raise ValueError(period)
    return datetime.combine(last, time.min, LOCAL_TZ)


def in_period(events, period: str, now=None):
    return events.filter(start__lt=period_end(period, now))


def for_feed(events, now=None) -> list:
    """What a calendar feed holds, in one query and the same size on any site: the activities
    of the coming FEED_AHEAD_DAYS and of the last FEED_PAST_DAYS, at most FEED_MAX_EVENTS.
    When there are more, the coming ones go first (the nearest first), then the recent past
    (the latest first). Returned in order of start."""
    now = now or timezone.now()
    window = events.filter(
        end__gte=now - timedelta(days=FEED_PAST_DAYS),
        start__lt=now + timedelta(days=FEED_AHEAD_DAYS),
    )
    coming = Q(end__gte=now)
    coming_first = Case(When(coming, then=Value(0)), default=Value(1))
    # The coming ones by ascending start; the past ones (no key here) by descending start.
    coming_start = Case(When(coming, then=F("start")), default=None)
    chosen = window.order_by(coming_first, coming_start.asc(), F("start").desc(), "pk")
    return sorted(chosen[:FEED_MAX_EVENTS], key=lambda event: (event.start, event.pk))
