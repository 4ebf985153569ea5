"""E-mail with the mail server down, as production is configured (EMAIL_HOST set): every app's
mail waits in the outbox (django-mailer) and arrives exactly once when the server is back.
The digests have their own tests in subscriptions/tests/test_mail_outbox.py."""

import runpy
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.core.mail import send_mass_mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from mailer.models import Message

from events.models import EventIndexPage, EventPage, Registration

pytestmark = pytest.mark.django_db

BASE_SETTINGS = Path(__file__).resolve().parents[1] / "portal" / "settings" / "base.py"


@pytest.fixture
def mail_server_down(settings, monkeypatch, closed_port):
    """The e-mail settings of base.py with EMAIL_HOST set, at a port where nothing listens."""
    monkeypatch.setenv("EMAIL_HOST", "127.0.0.1")
    monkeypatch.setenv("EMAIL_PORT", str(closed_port))
    monkeypatch.setenv("EMAIL_USE_TLS", "false")
    production = runpy.run_path(str(BASE_SETTINGS))
    for name in ("EMAIL_BACKEND", "MAILER_EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT",
                 "EMAIL_USE_TLS", "EMAIL_TIMEOUT", "MAILER_USE_FILE_LOCK"):  # fmt: skip
        setattr(settings, name, production[name])
    assert settings.EMAIL_BACKEND == "mailer.backend.DbBackend"

    def server_back():
        settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return server_back


def deliver():
    """What cron does: put deferred mail back in the queue, then send the queue."""
    call_command("retry_deferred")
    call_command("send_mail")


def test_member_notifications_to_many_are_neither_lost_nor_doubled(mail_server_down):
    """The member area sends with send_mass_mail: without the outbox a server that fails half
    way leaves some sent and some not, and a retry would send the first ones twice."""
    mails = [
        ("Nieuw bericht in Beesd", "Er is een nieuw bericht.", None, [f"lid{number}@example.nl"])
        for number in range(3)
    ]

    assert send_mass_mail(mails) == 3
    call_command("send_mail")
    assert mail.outbox == [] and Message.objects.deferred().count() == 3

    mail_server_down()
    deliver()
    deliver()

    assert sorted(m.to[0] for m in mail.outbox) == [f"lid{n}@example.nl" for n in range(3)]
    assert not Message.objects.exists()


def test_an_event_registration_is_confirmed_once_the_server_is_back(
    client, beesd, mail_server_down, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(microsecond=0) + timedelta(days=5)
    event = EventPage(
        title="Workshop moestuinieren",
        slug="workshop",
        start=start,
        end=start + timedelta(hours=2),
        location="Dorpshuis Beesd",
        registration_enabled=True,
        max_places=10,
    )
    EventIndexPage.objects.child_of(beesd).get().add_child(instance=event)
    event.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{event.url}aanmelden/",
            {"name": "Ans de Groot", "email": "ans@voorbeeld.example", "website": ""},
        )

    assert response.status_code in (200, 302)  # the resident is not bothered by the outage
    assert Registration.objects.filter(event=event, email="ans@voorbeeld.example").exists()
    call_command("send_mail")
    assert mail.outbox == [] and Message.objects.deferred().count() == 1

    mail_server_down()
    deliver()
    deliver()

    (confirmation,) = mail.outbox
    assert confirmation.to == ["ans@voorbeeld.example"]
    assert "Workshop moestuinieren" in confirmation.subject
