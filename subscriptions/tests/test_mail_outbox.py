"""The mail server unreachable in production: digests and urgent notices wait in the outbox
(django-mailer), are retried, and reach everyone exactly once when the server is back."""

from django.core import mail
from django.core.management import call_command

from wagtail.models import Page

import pytest
from mailer.models import Message, MessageLog

from subscriptions.constants import Kind
from subscriptions.digest import send_digests, send_urgent
from subscriptions.models import Delivery

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_sources")]


@pytest.fixture
def mail_server_down(settings, closed_port):
    """Production's e-mail settings (EMAIL_HOST set) with an SMTP server that refuses."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2

    def server_back():
        settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return server_back


def deliver():
    """What cron does: put deferred mail back in the queue, then send the queue."""
    call_command("retry_deferred")
    call_command("send_mail")


def test_digests_wait_while_the_server_is_down_and_arrive_once_when_it_is_back(
    beesd, heukelum, make_subscriber, publish, mail_server_down
):
    publish(beesd, "Nieuwe speeltuin", "nieuws-speeltuin")
    publish(heukelum, "Kasteelfeest", "nieuws-kasteelfeest")
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])
    make_subscriber("els@example.nl", [heukelum], [Kind.NEWS])

    assert send_digests() == 2
    deliver()
    deliver()  # the server is still down: tried again, deferred again

    assert mail.outbox == []
    assert Message.objects.deferred().count() == 2
    assert MessageLog.objects.filter(result="3").count() == 4  # four failed attempts, logged
    # The digests are recorded as made: a new run does not queue them again.
    assert send_digests() == 0
    assert Delivery.objects.count() == 2

    mail_server_down()  # the server is back
    deliver()
    deliver()

    assert sorted(message.to[0] for message in mail.outbox) == ["els@example.nl", "jan@example.nl"]
    jan = next(message for message in mail.outbox if message.to == ["jan@example.nl"])
    assert "Nieuwe speeltuin" in jan.body and "Kasteelfeest" not in jan.body
    assert Message.objects.count() == 0
    assert send_digests() == 0
    assert len(mail.outbox) == 2


def test_an_urgent_notice_is_not_lost_or_doubled_by_an_outage(
    beesd, make_subscriber, publish, mail_server_down, test_sources
):
    make_subscriber("jan@example.nl", [beesd], [Kind.WORKS])
    page = publish(beesd, "Gasleiding kapot", "werk-spoed-gas")

    assert send_urgent(page.pk, test_sources["test-werkzaamheden"]) == 1
    call_command("send_mail")
    assert (
        send_urgent(page.pk, test_sources["test-werkzaamheden"]) == 0
    )  # a retried task: not again

    mail_server_down()
    deliver()
    deliver()

    (notice,) = mail.outbox
    assert notice.to == ["jan@example.nl"] and "Gasleiding kapot" in notice.subject
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_digest_that_fails_before_it_is_queued_is_made_again(
    beesd, make_subscriber, publish, mail_server_down, monkeypatch
):
    """The outbox row is written in the digest's own transaction: if that fails, neither the
    delivery nor the message stays, and the next run makes the digest again."""
    publish(beesd, "Nieuwe speeltuin", "nieuws-speeltuin")
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    with monkeypatch.context() as patch, pytest.raises(RuntimeError):
        patch.setattr(Message.objects, "bulk_create", broken)
        send_digests()
    assert not Delivery.objects.exists() and not Message.objects.exists()

    assert send_digests() == 1
    mail_server_down()
    deliver()
    assert [message.to for message in mail.outbox] == [["jan@example.nl"]]
    assert Page.objects.filter(slug="nieuws-speeltuin").exists()
