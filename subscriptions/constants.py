from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The kinds of content a resident can subscribe to. The values are stored per subscriber."""

    WORKS = "werkzaamheden", _("Works")
    NEWS = "nieuws", _("News")
    ACTIVITIES = "activiteiten", _("Activities")
