"""The envelope every iCalendar (RFC 5545) file of the portal shares: activities, work notices
and board meetings each add their own events to it."""

from django.conf import settings
from django.http import HttpResponse

from icalendar import Calendar

CONTENT_TYPE = "text/calendar; charset=utf-8"


def new_calendar(name: str, product: str, *, published: bool = True) -> Calendar:
    """An empty calendar called ``name``. ``published`` calendars (public feeds) say so with
    CALSCALE/METHOD and name their time zone, as calendar apps expect of a subscription."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Kernenportaal//{product}//NL")
    calendar.add("version", "2.0")
    if published:
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if published:
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def ical_response(
    content: bytes, filename: str | None = None, *, inline: bool = False, private: bool = False
) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    if filename:
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
