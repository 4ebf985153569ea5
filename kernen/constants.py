from django.db import models
from django.utils.translation import gettext_lazy as _


class RolloutStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    PILOT = "pilot", _("Pilot")
    LIVE = "live", _("Live")
