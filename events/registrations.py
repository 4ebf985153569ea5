"""Registering for an activity, cancelling, and moving up from the waiting list.

The number of confirmed places must hold when two people register for the last place at the
same moment. Every change therefore runs in a transaction that first locks the activity: on
PostgreSQL with ``SELECT … FOR UPDATE`` on the activity's row, on SQLite (which has no row
locks) by writing first, which takes the database's write lock for the rest of the
transaction. The second registration waits, then counts the places again.
"""

from functools import partial

from django.db import connection, transaction

from events.constants import RegistrationStatus
from events.models.registrations import Registration


class RegistrationClosed(Exception):
    """The activity takes no registrations (any more)."""


class AlreadyRegistered(Exception):
    """This e-mail address is already registered or on the waiting list."""


def _lock_event(event_pk: int):
    if connection.vendor == "sqlite":
        # A write that changes nothing, to take SQLite's write lock now rather than at commit.
        Registration.objects.filter(event_id=event_pk, status="").update(status="")
    # The activity's model through the registration's foreign key: the page models import
    # the views, which import this module.
    event_model = Registration.event.field.related_model
    return event_model.objects.select_for_update(of=("self",)).get(pk=event_pk)


def _queue_mail(registration: Registration, kind: str) -> None:
    from events.tasks import send_registration_mail

    transaction.on_commit(partial(send_registration_mail.enqueue, registration.pk, kind))


def confirmed_count(event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def register(event, name: str, email: str) -> Registration:
    """Register ``name`` for ``event``: confirmed while places are left, else waiting."""
    with transaction.atomic():
        event = _lock_event(event.pk)
        if not event.registration_enabled or event.has_ended:
            raise RegistrationClosed
        active = Registration.objects.filter(event=event, email__iexact=email).exclude(
            status=RegistrationStatus.CANCELLED
        )
        if active.exists():
            raise AlreadyRegistered
        full = event.max_places is not None and confirmed_count(event) >= event.max_places
        registration = Registration.objects.create(
            event=event,
            name=name,
            email=email,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
        )
        _queue_mail(registration, "waiting" if full else "confirmed")
    return registration


def cancel(registration_pk: int) -> tuple[Registration, list[Registration]]:
    """Cancel a registration; people on the waiting list move up into freed places.

    Returns the registration and those who moved up."""
    registration = Registration.objects.get(pk=registration_pk)
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        registration = Registration.objects.get(pk=registration_pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration, []
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "changed_at"])
        promoted = _fill_free_places(event)
    return registration, promoted


def _fill_free_places(event) -> list[Registration]:
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    if event.max_places is not None:
        free = event.max_places - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "changed_at"])
        _queue_mail(registration, "promoted")
    return promoted
