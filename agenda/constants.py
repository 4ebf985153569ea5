"""Choices of the kernagenda."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    IDEA = "idee", _("Idea")
    PREPARATION = "voorbereiding", _("In preparation")
    IN_PROGRESS = "uitvoering", _("In progress")
    DONE = "afgerond", _("Done")
    PARKED = "geparkeerd", _("Parked")


class CarrierKind(models.TextChoices):
    RESIDENTS = "inwoners", _("Residents")
    ASSOCIATION = "dorpsbelangen", _("Village association")
    MUNICIPALITY = "gemeente", _("Municipality")
    TOGETHER = "samen", _("Together")


class BudgetSource(models.TextChoices):
    KERNENBUDGET = "kernenbudget", _("Kernenbudget")
    LEEFBAARHEIDSBUDGET = "leefbaarheidsbudget", _("Leefbaarheidsbudget")
    OTHER = "anders", _("Other")


class InterestKind(models.TextChoices):
    RESIDENT = "inwoner", _("Resident")
    KERN = "kern", _("Kern (village association)")


#: Sign-ups and interest registrations per IP address per hour.
SIGNUP_RATE_LIMIT = 5
SIGNUP_RATE_WINDOW = 60 * 60

#: Action points per theme on a kernagenda page; a longer theme links to its own list, which
#: shows KERNAGENDA_GROUP_SIZE points a page.
KERNAGENDA_PREVIEW = 6
KERNAGENDA_GROUP_SIZE = 20
#: The ``groep`` of the action points without a theme.
NO_THEME_GROUP = "overig"
