"""Two residents register for the last place at the same moment: only one gets it.

Needs real concurrent connections, so it runs on PostgreSQL (as CI does). On SQLite the same
code holds the database's write lock instead (see events/registrations.py)."""

import threading

from django.db import connection, connections

import pytest

from events.constants import RegistrationStatus
from events.models import Registration
from events.registrations import cancel, register

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent PostgreSQL connections"
    ),
]


def race(*calls):
    """Start every call in its own thread and connection at the same moment."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(function, args):
        try:
            barrier.wait()
            function(*args)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors


@pytest.mark.parametrize("attempt", range(3))
def test_two_registrations_racing_for_the_last_place(beesd, make_event, attempt):
    event = make_event(beesd, "Workshop", registration_enabled=True, max_places=2)
    register(event, "Ans", "ans@voorbeeld.example")

    race(
        (register, (event, "Bram", "bram@voorbeeld.example")),
        (register, (event, "Carla", "carla@voorbeeld.example")),
    )

    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waiting"]


def test_a_cancel_racing_a_registration_never_overfills(beesd, make_event):
    event = make_event(beesd, "Workshop", registration_enabled=True, max_places=1)
    ans = register(event, "Ans", "ans@voorbeeld.example")
    register(event, "Bram", "bram@voorbeeld.example")  # waiting

    race(
        (cancel, (ans.pk,)),
        (register, (event, "Carla", "carla@voorbeeld.example")),
    )

    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 1
    # Bram waited longest: he moves up, unless Carla's registration came in the freed place
    # first, in which case Bram is still waiting. Never both.
    assert Registration.objects.filter(event=event, status="waiting").count() == 1
