"""The private calendar feed (iCalendar) of a workspace's meetings."""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Event

from home.ical import ical_response, new_calendar

MEETING_LENGTH = timedelta(hours=2)


def calendar_response(workspace) -> HttpResponse:
    calendar = new_calendar(workspace.name, "Vergaderingen", published=False)
    since = timezone.now() - timedelta(days=90)
    for meeting in workspace.meetings.filter(starts_at__gte=since):
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@kernenportaal")
        event.add("summary", meeting.title)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + MEETING_LENGTH)
        event.add("dtstamp", timezone.now())
        if meeting.location:
            event.add("location", meeting.location)
        description = "\n".join(meeting.agenda_items)
        if meeting.video_url:
            event.add("url", meeting.video_url)
            description = f"{meeting.video_url}\n\n{description}".strip()
        if description:
            event.add("description", description)
        calendar.add_component(event)
    return ical_response(calendar.to_ical(), "vergaderingen.ics", inline=True, private=True)
