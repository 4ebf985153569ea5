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
#: How far back the calendar feeds reach.
FEED_PAST_DAYS = 60
