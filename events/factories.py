"""Factories of the events app: activities and registrations. See docs/testing.md."""

from datetime import timedelta

from django.utils import timezone

import factory

from events.constants import RegistrationStatus
from events.models import EventPage, Registration
from home.factories import PageFactory


class EventPageFactory(PageFactory):
    """An activity in a kern's activities section (``parent=``), starting ``days`` from now
    (negative: in the past) and lasting ``hours``."""

    title = "Burendag"
    start = factory.LazyAttribute(
        lambda event: timezone.now().replace(microsecond=0) + timedelta(days=event.days)
    )
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=event.hours))
    location = "Dorpshuis"

    class Meta:
        model = EventPage

    class Params:
        days = 3
        hours = 2


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A resident's registration for ``event=``, confirmed unless ``status=`` says otherwise."""

    name = factory.Sequence(lambda n: f"Inwoner {n}")
    email = factory.Sequence(lambda n: f"inwoner{n}@voorbeeld.example")
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration
