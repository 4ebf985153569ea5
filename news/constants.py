from django.db import models
from django.utils.translation import gettext_lazy as _


class Impact(models.TextChoices):
    ROAD_CLOSED = "road_closed", _("Road closed")
    DETOUR = "detour", _("Detour")
    LIMITED_ACCESS = "limited_access", _("Limited access")
    NOISE = "noise", _("Noise nuisance")
    PARKING = "parking", _("No parking")
    OTHER = "other", _("Other nuisance")


class NoticeStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


#: Kern pages show notices that are under way or start within this many days.
NOTICE_LOOKAHEAD_DAYS = 14
#: At most this many of them on a kern page; the link under them leads to all of them.
KERN_PANEL_NOTICES = 5
#: News items on a kern page and on the home page.
KERN_PANEL_NEWS = 3
HOME_PANEL_NEWS = 5
NEWS_PER_PAGE = 10
NOTICES_PER_PAGE = 20
#: Items in a kern's RSS/Atom feed.
FEED_ITEMS = 20
#: News items in the municipality-wide feed (/nieuws/rss/).
MUNICIPALITY_FEED_ITEMS = 30
#: Finished notices stay in a kern's calendar this long; it holds those starting within
#: CALENDAR_DAYS_AHEAD, at most CALENDAR_MAX_NOTICES (the current and coming ones first).
CALENDAR_DAYS_BACK = 90
CALENDAR_DAYS_AHEAD = 365
CALENDAR_MAX_NOTICES = 100
