"""An urgent page goes out at once, after the publishing transaction, to the subscribers of
its kernen who chose its kind; the digest does not repeat it."""

from django.core import mail

import pytest

from subscriptions.constants import Kind
from subscriptions.digest import send_digests

from .conftest import digests_to

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_sources")]


@pytest.fixture
def subscribers(beesd, heukelum, make_subscriber):
    make_subscriber("werk.beesd@example.nl", [beesd], [Kind.WORKS])
    make_subscriber("nieuws.beesd@example.nl", [beesd], [Kind.NEWS])
    make_subscriber("werk.heukelum@example.nl", [heukelum], [Kind.WORKS])
    make_subscriber("werk.beide@example.nl", [beesd, heukelum], [Kind.WORKS, Kind.NEWS])


def test_an_urgent_page_goes_out_at_once_to_the_subscribers_of_its_kern(
    beesd, subscribers, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(beesd, "Waterleiding gesprongen", "werk-spoed-waterleiding")
        assert mail.outbox == []  # not before the publication is committed

    assert len(callbacks) == 1
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["werk.beesd@example.nl", "werk.beide@example.nl"]
    message = digests_to("werk.beesd@example.nl")[0]
    assert message.subject == "Spoed: Waterleiding gesprongen"
    assert "Beesd" in message.body
    assert "http://localhost/beesd/werk-spoed-waterleiding/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Lees verder" in message.alternatives[0][0]


def test_an_urgent_page_is_not_repeated_by_the_digest_nor_on_republishing(
    beesd, subscribers, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(beesd, "Waterleiding gesprongen", "werk-spoed-waterleiding")
        publish(beesd, "Nieuwe stoep", "werk-stoep")
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(mail.outbox) == 2

    send_digests()
    (digest,) = [m for m in digests_to("werk.beesd@example.nl") if "Spoed" not in m.subject]
    assert "Nieuwe stoep" in digest.body
    assert "Waterleiding" not in digest.body


def test_an_ordinary_page_waits_for_the_digest(
    beesd, subscribers, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(beesd, "Nieuwe stoep", "werk-stoep")

    assert callbacks == []
    assert mail.outbox == []
