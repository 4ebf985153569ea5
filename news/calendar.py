"""/<kern>/werkzaamheden.ics: the work notices for a kern as an RFC 5545 calendar."""

from datetime import timedelta

from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Site

from icalendar import Event, vGeo

from home.ical import new_calendar
from news import queries
from news.constants import CALENDAR_DAYS_AHEAD, CALENDAR_DAYS_BACK, CALENDAR_MAX_NOTICES
from news.links import absolute_url


def notice_uid(notice, host):
    """Stable per notice: the same page keeps its UID when it is edited or moved."""
    return f"werkzaamheden-{notice.pk}@{host}"


def kern_notices_calendar(kern, request):
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host().split(":")[0]
    today = timezone.localdate()
    window = queries.notices_for_kern(kern).filter(
        end_date__gte=today - timedelta(days=CALENDAR_DAYS_BACK),
        start_date__lte=today + timedelta(days=CALENDAR_DAYS_AHEAD),
    )
    # The same size on any site: when there are more, the finished ones go first, the oldest
    # first; then the farthest ahead.
    finished_last = Case(When(Q(end_date__lt=today), then=Value(1)), default=Value(0))
    chosen = window.order_by(finished_last, "start_date", "pk")[:CALENDAR_MAX_NOTICES]
    notices = sorted(chosen, key=lambda notice: (notice.start_date, notice.pk))

    calendar = new_calendar(_("Work notices in %(kern)s") % {"kern": kern.title}, _("Work notices"))
    for notice in notices:
        event = Event()
        event.add("uid", notice_uid(notice, host))
        event.add("dtstamp", notice.last_published_at or timezone.now())
        event.add("dtstart", notice.start_date)
        event.add("dtend", notice.calendar_end)
        event.add("summary", notice.title)
        description = notice.summary
        if notice.detour:
            description = f"{description}\n\n{_('Detour')}: {notice.detour}"
        event.add("description", description)
        event.add("location", notice.location_text)
        if notice.coordinates:
            event.add("geo", vGeo((float(notice.latitude), float(notice.longitude))))
        event.add("url", absolute_url(request, notice))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
