from events.models.pages import EventIndexPage, EventOverviewPage, EventPage
from events.models.registrations import Registration

__all__ = ["EventIndexPage", "EventOverviewPage", "EventPage", "Registration"]
