from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Activities happen in the Netherlands: whole days and times are local.
LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)


class Period(models.TextChoices):
    """The periods the overview of all activities filters on."""

    WEEK = "week", _("this week")
    MONTH = "maand", _("this month")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("registered")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


#: Activities per page of a listing.
PAGE_SIZE = 20
#: How many registrations one IP address may send in RATE_LIMIT_WINDOW seconds.
RATE_LIMIT_COUNT = 5
RATE_LIMIT_WINDOW = 10 * 60
#: What a calendar feed holds: activities that ended at most FEED_PAST_DAYS ago and those
#: starting within FEED_AHEAD_DAYS, at most FEED_MAX_EVENTS of them (the coming ones first).
FEED_PAST_DAYS = 30
FEED_AHEAD_DAYS = 365
FEED_MAX_EVENTS = 100
