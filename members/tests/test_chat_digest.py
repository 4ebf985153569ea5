"""The daily chat digest: one e-mail a day per member with unread chat, with the counts per
workspace and a link to each chat; nothing for who has read everything, turned e-mail off,
had a digest today, or only reads as an invited organisation."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from members import chat, services
from members.constants import AccessRole
from members.factories import OrganisationFactory
from members.models import ChatDigestDay, MemberProfile
from members.tasks import send_chat_digest

pytestmark = pytest.mark.django_db

CHAT = "/beesd/bestuur/chat/"


@pytest.fixture
def said(world):
    """Two messages of the chair in the Beesd board's chat."""
    chair = world.users["chair"]
    chat.post_message(world.board, chair, "Wie heeft de sleutel van het dorpshuis?")
    chat.post_message(world.board, chair, "Om 19.30 uur begint het overleg.")


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_one_email_with_the_counts_and_links_of_every_workspace(world, said, capsys):
    chat.post_message(world.board, world.users["own_board"], "Ik heb hem.")
    chat.post_message(world.project, world.users["project_member"], "Offerte binnen.")
    mail.outbox.clear()

    call_command("send_chat_digest")

    assert "Chatoverzicht ingepland" in capsys.readouterr().out
    [to_chair] = mails_to("voorzitter@beesd.example")
    assert to_chair.subject == "2 ongelezen chatberichten"
    assert f"{world.board.name}: 1 nieuw bericht" in to_chair.body
    assert f"{world.project.name}: 1 nieuw bericht" in to_chair.body
    board_url, project_url = world.board.page.full_url, world.project_page.full_url
    assert board_url.startswith("http") and board_url.endswith("/beesd/bestuur/")
    assert f"Lezen en reageren: {board_url}chat/\n" in to_chair.body
    assert f"Lezen en reageren: {project_url}chat/\n" in to_chair.body
    assert "Hallo Marieke," in to_chair.body
    assert "/mijn-account/" in to_chair.body

    assert mails_to("lid@beesd.example") == []  # posting after the chair's read them
    [to_broker] = mails_to("makelaar1@westbetuwe.example")
    assert to_broker.subject == "3 ongelezen chatberichten"
    assert f"{world.board.name}: 3 nieuwe berichten" in to_broker.body
    assert world.project.name not in to_broker.body
    assert "Ik heb hem" not in to_broker.body  # counts, not the messages themselves


def test_a_second_run_on_the_same_day_sends_nothing(world, said):
    send_chat_digest.enqueue()
    first = len(mail.outbox)
    assert first > 0
    chat.post_message(world.board, world.users["chair"], "Nog iets.")

    send_chat_digest.enqueue()

    assert len(mail.outbox) == first


def test_the_next_day_tells_only_about_what_is_new(world, said):
    send_chat_digest.enqueue()
    mail.outbox.clear()
    ChatDigestDay.objects.update(sent_on=timezone.localdate() - timedelta(days=1))

    send_chat_digest.enqueue()
    assert mails_to("lid@beesd.example") == []  # the two messages were in yesterday's digest

    chat.post_message(world.board, world.users["chair"], "Nog iets.")
    send_chat_digest.enqueue()
    [digest] = mails_to("lid@beesd.example")
    assert digest.subject == "1 ongelezen chatbericht"


def test_no_unread_messages_no_email(client, world, said):
    for who in ("own_board", "assigned_broker"):
        client.force_login(world.users[who])
        assert client.get(CHAT).status_code == 200  # reads the chat

    send_chat_digest.enqueue()

    assert mail.outbox == []
    assert not ChatDigestDay.objects.exists()


def test_whoever_turned_email_off_gets_no_digest(world, said):
    profile = MemberProfile.for_user(world.users["own_board"])
    profile.email_notifications = False
    profile.save()

    send_chat_digest.enqueue()

    assert mails_to("lid@beesd.example") == []
    assert mails_to("makelaar1@westbetuwe.example") != []


def test_an_invited_organisation_and_outsiders_get_no_digest(world, said, make_user, municipality):
    organisation = OrganisationFactory(home=municipality, name="Waterschap")
    reader = make_user("waterschap", email="medewerker@waterschap.example")
    services.add_organisation_member(organisation, reader)
    services.invite_organisation(world.board, organisation, AccessRole.POST)

    send_chat_digest.enqueue()

    addresses = {address for message in mail.outbox for address in message.to}
    assert addresses == {"lid@beesd.example", "makelaar1@westbetuwe.example"}
