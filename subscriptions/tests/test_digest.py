"""Digests: exactly the items of the chosen kernen and kinds, never an item twice, and after a
crash half-way each remaining person gets their digest exactly once."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from home.queries import restricted_paths
from subscriptions import tasks
from subscriptions.constants import Kind
from subscriptions.digest import send_digests
from subscriptions.models import Delivery, Subscriber

from .conftest import digests_to, links_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_sources")]

#: SQL queries for one subscriber's digest, pinned: savepoint, lock, kernen, 2 per source (kern
#: paths, pages) for the 3 sources, deliveries already made, watermark, new deliveries, release.
DIGEST_QUERIES_PER_SUBSCRIBER = 13


@pytest.fixture
def content(beesd, heukelum, municipality, publish):
    """Pages of every kind for Beesd and Heukelum, one for all kernen, and some that must never
    be in a digest."""
    pages = {
        "beesd_works": publish(beesd, "Riolering Hoogstraat", "werk-riolering"),
        "beesd_news": publish(beesd, "Nieuwe speeltuin", "nieuws-speeltuin"),
        "beesd_activity": publish(beesd, "Lampionnenoptocht", "act-optocht"),
        "heukelum_news": publish(heukelum, "Kasteelfeest", "nieuws-kasteelfeest"),
        "everywhere_news": publish(municipality, "Nieuwe afvalkalender", "nieuws-afval"),
        "old_news": publish(beesd, "Oud nieuws", "nieuws-oud", ago=timedelta(days=3)),
    }
    draft = beesd.add_child(instance=Page(title="Concept", slug="nieuws-concept", live=False))
    private = publish(beesd, "Alleen voor het bestuur", "nieuws-bestuur")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    pages["draft"], pages["private"] = draft, private
    return pages


def test_a_digest_holds_exactly_the_items_of_the_chosen_kernen_and_kinds(
    beesd, make_subscriber, content
):
    make_subscriber("jan@example.nl", [beesd], [Kind.WORKS, Kind.NEWS])

    assert send_digests() == 1

    (message,) = mail.outbox
    assert message.to == ["jan@example.nl"]
    assert message.subject == "Nieuw voor Beesd: 3 berichten"
    body = message.body
    for title in ("Riolering Hoogstraat", "Nieuwe speeltuin", "Nieuwe afvalkalender"):
        assert title in body
    for title in ("Lampionnenoptocht", "Kasteelfeest", "Oud nieuws", "Concept", "bestuur"):
        assert title not in body
    # Grouped by kind, with the kern names and absolute links.
    assert body.index("== Werkzaamheden ==") < body.index("Riolering") < body.index("== Nieuws ==")
    assert "Alle kernen" in body
    assert "http://localhost/beesd/werk-riolering/" in links_in(message)
    assert "http://localhost/nieuws-afval/" in links_in(message)
    html, _mimetype = message.alternatives[0]
    assert '<a href="http://localhost/beesd/nieuws-speeltuin/"><strong>Nieuwe speeltuin' in html
    assert "Lampionnenoptocht" not in html
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://localhost/blijf-op-de-hoogte/afmelden/"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "http://localhost/blijf-op-de-hoogte/afmelden/" in body


def test_the_unsubscribe_link_of_a_digest_deletes_that_subscriber(
    client, beesd, make_subscriber, content
):
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])
    make_subscriber("piet@example.nl", [beesd], [Kind.NEWS])
    send_digests()
    message = digests_to("jan@example.nl")[0]
    url = message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://localhost")

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["piet@example.nl"]


def test_each_subscriber_gets_their_own_kernen(beesd, heukelum, make_subscriber, content):
    make_subscriber("beesd@example.nl", [beesd], [Kind.ACTIVITIES])
    make_subscriber("heukelum@example.nl", [heukelum], [Kind.NEWS])
    make_subscriber("beide@example.nl", [beesd, heukelum], [Kind.NEWS])

    assert send_digests() == 3

    (beesd_mail,) = digests_to("beesd@example.nl")
    assert "Lampionnenoptocht" in beesd_mail.body
    assert "Kasteelfeest" not in beesd_mail.body
    (heukelum_mail,) = digests_to("heukelum@example.nl")
    assert "Kasteelfeest" in heukelum_mail.body
    assert "Nieuwe afvalkalender" in heukelum_mail.body
    assert "Nieuwe speeltuin" not in heukelum_mail.body
    (both,) = digests_to("beide@example.nl")
    assert both.subject == "Nieuw voor Beesd, Heukelum: 3 berichten"
    assert "Kasteelfeest" in both.body and "Nieuwe speeltuin" in both.body


def test_nothing_is_sent_before_confirmation(
    client, beesd, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/blijf-op-de-hoogte/",
            {"email": "jan@example.nl", "kernen": [beesd.pk], "kinds": ["nieuws"]},
        )
    publish(beesd, "Nieuwe speeltuin", "nieuws-speeltuin")

    assert send_digests() == 0

    (confirmation,) = mail.outbox
    assert confirmation.subject == "Bevestig je aanmelding bij Kernenportaal"


def test_a_second_run_sends_nothing_new_and_a_third_only_what_is_new(
    beesd, make_subscriber, content, publish
):
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])
    send_digests()

    assert send_digests() == 0
    assert len(mail.outbox) == 1

    publish(beesd, "Dorpsfeest", "nieuws-dorpsfeest")
    assert send_digests() == 1
    second = mail.outbox[1]
    assert "Dorpsfeest" in second.body
    assert "Nieuwe speeltuin" not in second.body
    assert second.subject == "Nieuw voor Beesd: 1 bericht"


def test_an_item_sent_before_is_not_sent_again_even_in_an_overlapping_window(
    beesd, make_subscriber, content
):
    subscriber = make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])
    send_digests()
    # As if the last run was a while ago: the window now covers what was sent.
    Subscriber.objects.filter(pk=subscriber.pk).update(
        digest_until=subscriber.confirmed_at + timedelta(seconds=1)
    )

    assert send_digests() == 0
    assert Delivery.objects.filter(subscriber=subscriber).count() == 2


class FailingBackend(EmailBackend):
    """The mail server fails on the ``fail_at``-th message."""

    fail_at = None
    attempts = 0

    def send_messages(self, messages):
        FailingBackend.attempts += 1
        if FailingBackend.attempts == FailingBackend.fail_at:
            raise ConnectionError("mail server went away")
        return super().send_messages(messages)


def test_a_run_that_crashes_half_way_then_reruns_sends_each_digest_exactly_once(
    beesd, make_subscriber, content, settings
):
    for number in range(5):
        make_subscriber(f"inwoner{number}@example.nl", [beesd], [Kind.NEWS])
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    FailingBackend.attempts, FailingBackend.fail_at = 0, 3

    with pytest.raises(ConnectionError):
        send_digests()

    assert [m.to[0] for m in mail.outbox] == ["inwoner0@example.nl", "inwoner1@example.nl"]
    # The person whose send failed has nothing recorded: they are still owed their digest.
    assert not Delivery.objects.filter(subscriber__email="inwoner2@example.nl").exists()

    assert send_digests() == 3

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [f"inwoner{number}@example.nl" for number in range(5)]
    assert all("Nieuwe speeltuin" in message.body for message in mail.outbox)
    assert send_digests() == 0


def test_an_unsubscribed_person_gets_no_digest(beesd, make_subscriber, content):
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS]).delete()

    assert send_digests() == 0
    assert mail.outbox == []


def test_the_management_command_and_the_task_send_digests(beesd, make_subscriber, content, publish):
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])
    output = StringIO()

    call_command("send_digests", stdout=output)

    assert output.getvalue().strip() == "Digests sent: 1."
    publish(beesd, "Dorpsfeest", "nieuws-dorpsfeest")
    result = tasks.send_digests.enqueue()
    assert result.return_value == 1
    assert "Dorpsfeest" in mail.outbox[-1].body


def digest_queries():
    Site.get_site_root_paths()  # cached in a running site
    restricted_paths()  # so are the paths of the restricted pages (home.queries)
    with CaptureQueriesContext(connection) as queries:
        assert send_digests() == 1
    return len(queries)


def test_digest_queries_do_not_grow_with_the_number_of_items(beesd, make_subscriber, publish):
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS, Kind.WORKS, Kind.ACTIVITIES])
    publish(beesd, "Bericht", "nieuws-bericht")
    few = digest_queries()
    for number in range(12):
        publish(beesd, f"Bericht {number}", f"nieuws-bericht-{number}")
        publish(beesd, f"Werk {number}", f"werk-{number}")

    many = digest_queries()

    assert mail.outbox[1].subject == "Nieuw voor Beesd: 24 berichten"
    assert few == many == DIGEST_QUERIES_PER_SUBSCRIBER + 1  # + 1: the list of subscribers
