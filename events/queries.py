"""Querysets of activities that other apps and pages use. Each costs one SQL query."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.constants import FEED_PAST_DAYS, LOCAL_TZ, Period
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


def for_feed(events, now=None):
    """What a calendar feed holds: everything coming and the recent past."""
    since = (now or timezone.now()) - timedelta(days=FEED_PAST_DAYS)
    return events.filter(end__gte=since).order_by("start", "pk")
