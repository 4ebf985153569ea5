"""iCalendar (RFC 5545) files of activities, built with the ``icalendar`` library."""

from datetime import UTC, timedelta

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Event, vGeo, vText

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


def build_calendar(events, name: str, request) -> bytes:
    calendar = new_calendar(name, "Activiteiten")
    events = list(events)
    for event in events:
        calendar.add_component(build_event(event, request))
    if events:
        # Time zone rules from a year before the first activity to a year after the last.
        first = min(event.start for event in events).date() - timedelta(days=366)
        last = max(event.end for event in events).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def calendar_response(events, name: str, request, filename: str | None = None) -> HttpResponse:
    return ical_response(build_calendar(events, name, request), filename)
