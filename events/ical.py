"""iCalendar (RFC 5545) files of activities, built with the ``icalendar`` library.

Serialising an event (escaping, line folding) is most of a feed's cost, so each VEVENT's text
is kept in the cache, keyed by the activity's revision and its address: a feed of cached
activities costs one cache read. The VTIMEZONE of a span of years is kept in the process."""

import hashlib
from datetime import UTC, date, timedelta
from functools import lru_cache

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from icalendar import Event, Timezone, vGeo, vText

from events.models.pages import LOCAL_TZ
from home.ical import ical_response, new_calendar


def event_uid(event, host: str) -> str:
    """Stable: the same activity keeps its UID when it is edited or moved."""
    return f"activiteit-{event.translation_key}@{host}"


def build_event(event, request) -> Event:
    url = event.get_full_url(request)
    host = request.get_host().split(":")[0]
    item = Event()
    item.add("uid", event_uid(event, host))
    item.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    if event.latest_revision_created_at:
        item.add("last-modified", event.latest_revision_created_at.astimezone(UTC))
    if event.all_day:
        item.add("dtstart", event.local_start.date())
        item.add("dtend", event.local_end.date() + timedelta(days=1))  # DTEND is exclusive
    else:
        item.add("dtstart", event.start.astimezone(LOCAL_TZ))
        item.add("dtend", event.end.astimezone(LOCAL_TZ))
    item.add("summary", vText(event.title))
    lines = [event.listing_summary]
    if event.organiser:
        lines.append(f"Organisatie: {event.organiser}")
    if event.cost:
        lines.append(f"Kosten: {event.cost}")
    lines.append(url)
    item.add("description", vText("\n\n".join(line for line in lines if line)))
    if event.location:
        item.add("location", vText(event.location))
    if event.latitude is not None and event.longitude is not None:
        item.add("geo", vGeo((float(event.latitude), float(event.longitude))))
    item.add("url", url)
    item.add("status", "CONFIRMED")
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


#: How long a built VEVENT stays in the cache; a new revision or address makes a new key.
EVENT_CACHE_SECONDS = 24 * 60 * 60
END = b"END:VCALENDAR\r\n"


def event_cache_key(event, request) -> str:
    """Changes with everything the VEVENT shows: the revision (content), the publication time
    (DTSTAMP), the page's address (URL, moved or renamed kern) and the host (UID)."""
    published = event.last_published_at.timestamp() if event.last_published_at else ""
    where = f"{request.get_host()}|{event.get_full_url(request)}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:16]
    return f"ical:event:{event.pk}:{event.latest_revision_id}:{published}:{digest}"


def events_text(events, request) -> bytes:
    """The VEVENTs of ``events``, serialised: from the cache where built before."""
    if getattr(request, "is_preview", False) or not all(e.live_revision_id for e in events):
        # A preview or an unpublished page has no published revision to key on: built afresh.
        return b"".join(build_event(event, request).to_ical() for event in events)
    keys = {event.pk: event_cache_key(event, request) for event in events}
    cached = cache.get_many(keys.values())
    built = {}
    for event in events:
        if keys[event.pk] not in cached:
            built[keys[event.pk]] = build_event(event, request).to_ical()
    if built:
        cache.set_many(built, EVENT_CACHE_SECONDS)
    return b"".join(cached.get(keys[e.pk]) or built[keys[e.pk]] for e in events)


@lru_cache(maxsize=32)
def timezone_text(first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of Europe/Amsterdam for whole years: the same few spans serve every feed."""
    zone = Timezone.from_tzid(
        LOCAL_TZ.key, first_date=date(first_year, 1, 1), last_date=date(last_year, 12, 31)
    )
    return zone.to_ical()


def build_calendar(events, name: str, request) -> bytes:
    events = list(events)
    envelope = new_calendar(name, "Activiteiten").to_ical()
    parts = [envelope.removesuffix(END)]
    if any(not event.all_day for event in events):
        # Time zone rules from a year before the first activity to a year after the last.
        first = min(event.start for event in events).date() - timedelta(days=366)
        last = max(event.end for event in events).date() + timedelta(days=366)
        parts.append(timezone_text(first.year, last.year))
    parts.append(events_text(events, request))
    parts.append(END)
    return b"".join(parts)


def calendar_response(events, name: str, request, filename: str | None = None) -> HttpResponse:
    return ical_response(build_calendar(events, name, request), filename)
