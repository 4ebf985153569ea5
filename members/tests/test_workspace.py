"""The building blocks of a workspace: documents, meetings, messages and polls."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from members.models import MeetingResponse, MemberProfile, Post, Vote
from members.tasks import send_meeting_reminders
from members.tests.conftest import make_docx, make_pdf

pytestmark = pytest.mark.django_db

BASE = "/beesd/bestuur/"


@pytest.fixture
def member_client(client, world):
    client.force_login(world.users["own_board"])
    return client


def upload(client, name, content, title="Stuk"):
    return client.post(
        f"{BASE}documenten/", {"title": title, "file": SimpleUploadedFile(name, content)}
    )


def board_documents(world):
    return get_document_model().objects.filter(collection=world.board.collection)


def test_a_member_uploads_a_pdf_and_a_docx_and_downloads_them(member_client, world):
    before = board_documents(world).count()

    assert upload(member_client, "begroting.pdf", make_pdf(), "Begroting").status_code == 302
    assert upload(member_client, "brief.docx", make_docx(), "Brief").status_code == 302

    assert board_documents(world).count() == before + 2
    document = board_documents(world).get(title="Begroting")
    response = member_client.get(f"{BASE}documenten/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("factuur.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100, "geen echt PDF-bestand"),
        ("pagina.html", b"<html><script>alert(1)</script></html>", "scripts bevatten"),
        ("brief.docx", b"PK\x03\x04 not really a zip", "geen echt DOCX-bestand"),
        ("foto.png", make_pdf(), "geen echt PNG-bestand"),
        ("leeg.pdf", b"", "leeg"),
    ],
)
def test_refused_uploads_get_a_dutch_reason_and_store_nothing(
    member_client, world, name, content, reason
):
    before = board_documents(world).count()

    response = upload(member_client, name, content)

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert board_documents(world).count() == before


def test_a_file_over_the_size_limit_is_refused(member_client, world, settings):
    settings.MEMBERS_MAX_UPLOAD_SIZE = 1000
    before = board_documents(world).count()

    response = upload(member_client, "groot.pdf", make_pdf() + b"%" * 2000)

    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert board_documents(world).count() == before


def test_documents_are_searched_by_title(member_client, world):
    upload(member_client, "begroting.pdf", make_pdf(), "Begroting 2027")

    html = member_client.get(f"{BASE}documenten/?q=begroting").content.decode()

    assert "Begroting 2027" in html
    assert "Jaarverslag" not in html
    assert "Geen documenten met" in member_client.get(f"{BASE}documenten/?q=xyz").content.decode()


def test_a_document_of_another_workspace_is_not_served_here(member_client, world):
    other = world.project_content["document"]

    assert member_client.get(f"{BASE}documenten/{other.pk}/").status_code == 404


def test_a_message_with_script_and_onerror_renders_inert(member_client, world):
    body = (
        '<script>alert("x")</script> <img src=x onerror="alert(1)"> '
        '<a href="javascript:alert(2)">klik</a> zie https://www.westbetuwe.nl'
    )
    response = member_client.post(f"{BASE}berichten/", {"title": "Test <b>vet</b>", "body": body})
    assert response.status_code == 302

    html = member_client.get(response.url).content.decode()
    main = html.split('<main id="main"', 1)[1]
    assert "<script>" not in main
    assert "<img" not in main
    assert 'href="javascript' not in main
    assert "<b>vet</b>" not in main
    assert "&lt;script&gt;" in main
    assert (
        '<a href="https://www.westbetuwe.nl" rel="nofollow">https://www.westbetuwe.nl</a>' in main
    )
    assert Post.objects.filter(body=body).exists()


def test_a_reply_notifies_the_other_members_who_want_email(
    member_client, world, django_capture_on_commit_callbacks
):
    MemberProfile.objects.create(user=world.users["assigned_broker"], email_notifications=False)
    thread = world.content["thread"]

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(f"{BASE}berichten/{thread.pk}/", {"body": "Ik help mee."})

    assert response.status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["voorzitter@beesd.example"]
    message = mail.outbox[0]
    assert message.subject == "[Beesd – bestuur] Dorpsdag"
    assert "Ik help mee." in message.body
    assert f"http://testserver{BASE}berichten/{thread.pk}/" in message.body
    assert "http://testserver/mijn-account/" in message.body


def test_a_member_turns_message_email_off(member_client, world):
    response = member_client.post("/mijn-account/", {})

    assert response.status_code == 302
    assert MemberProfile.objects.get(user=world.users["own_board"]).email_notifications is False


def test_an_empty_message_is_refused_in_dutch(member_client, world):
    response = member_client.post(f"{BASE}berichten/", {"title": "", "body": ""})

    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.content.decode()


def test_a_second_vote_replaces_the_first(member_client, world):
    poll = world.content["poll"]
    monday, tuesday = poll.options.all()
    url = f"{BASE}peilingen/{poll.pk}/"

    assert "Je ziet de uitslag nadat je hebt gestemd" in member_client.get(url).content.decode()
    member_client.post(url, {"option": monday.pk})
    member_client.post(url, {"option": tuesday.pk})

    votes = Vote.objects.filter(poll=poll, user=world.users["own_board"])
    assert [vote.option for vote in votes] == [tuesday]
    html = member_client.get(url).content.decode()
    assert "1 stem in totaal" in html


def test_a_closed_poll_takes_no_votes_and_shows_results(member_client, world):
    poll = world.content["poll"]
    poll.closes_at = timezone.now() - timedelta(minutes=1)
    poll.save()

    response = member_client.post(
        f"{BASE}peilingen/{poll.pk}/", {"option": poll.options.first().pk}
    )

    assert response.status_code == 302
    assert not Vote.objects.filter(poll=poll).exists()
    html = member_client.get(f"{BASE}peilingen/{poll.pk}/").content.decode()
    assert "gesloten" in html
    assert "0 stemmen in totaal" in html


def test_a_member_opens_a_poll(member_client, world):
    closes = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = member_client.post(
        f"{BASE}peilingen/",
        {"question": "Kerstborrel?", "options": "Ja\nNee\nJa", "closes_at": closes},
    )

    assert response.status_code == 302
    poll = world.board.polls.get(question="Kerstborrel?")
    assert [option.label for option in poll.options.all()] == ["Ja", "Nee"]


def test_a_poll_needs_two_options_and_a_future_closing_time(member_client, world):
    past = (timezone.localtime() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = member_client.post(
        f"{BASE}peilingen/", {"question": "Iets?", "options": "Ja", "closes_at": past}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "minstens twee" in html
    assert "in de toekomst" in html


def test_a_member_plans_a_meeting_answers_and_writes_minutes(member_client, world):
    document = world.content["document"]
    starts = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = member_client.post(
        f"{BASE}vergaderingen/",
        {"title": "Jaarvergadering", "starts_at": starts, "video_url": "https://meet.example/x",
         "agenda": "Opening\n\nBegroting", "documents": [document.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    meeting = world.board.meetings.get(title="Jaarvergadering")
    assert meeting.agenda_items == ["Opening", "Begroting"]

    member_client.post(response.url, {"action": "answer", "answer": "maybe"})
    member_client.post(response.url, {"action": "answer", "answer": "yes"})
    member_client.post(
        response.url, {"action": "minutes", "minutes": "Besluit: begroting vastgesteld."}
    )

    answers = MeetingResponse.objects.filter(meeting=meeting)
    assert [answer.answer for answer in answers] == ["yes"]
    html = member_client.get(response.url).content.decode()
    assert "Besluit: begroting vastgesteld." in html
    assert "Jaarverslag" in html
    assert "Jouw antwoord: ja" in html


def test_a_meeting_needs_a_place_or_a_video_link(member_client, world):
    starts = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = member_client.post(f"{BASE}vergaderingen/", {"title": "X", "starts_at": starts})

    assert response.status_code == 400
    assert "Geef een plaats of een videolink op." in response.content.decode()


def test_reminders_go_out_once_the_day_before_to_who_did_not_decline(world):
    meeting = world.content["meeting"]
    meeting.starts_at = timezone.localtime() + timedelta(days=1)
    meeting.save()
    MeetingResponse.objects.create(meeting=meeting, user=world.users["chair"], answer="no")

    send_meeting_reminders.enqueue()
    send_meeting_reminders.enqueue()

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["lid@beesd.example", "makelaar1@westbetuwe.example"]
    assert mail.outbox[0].subject.startswith("Morgen: Bestuursvergadering")
    assert "Dorpshuis" in mail.outbox[0].body


def test_the_reminder_command_runs(world, capsys):
    call_command("send_meeting_reminders")

    assert "Herinneringen ingepland" in capsys.readouterr().out


def test_page_numbers_past_the_end_or_invalid_give_404(member_client, world):
    assert member_client.get(f"{BASE}berichten/?page=9").status_code == 404
    assert member_client.get(f"{BASE}berichten/?page=abc").status_code == 404
    assert member_client.get(f"{BASE}berichten/999999/").status_code == 404
    assert member_client.get(f"{BASE}peilingen/999999/").status_code == 404
    assert member_client.get(f"{BASE}vergaderingen/999999/").status_code == 404


def test_the_board_overview_is_headed_with_the_kerns_name(member_client, world):
    response = member_client.get(BASE)

    assert response.status_code == 200
    heading = response.content.decode().split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert heading.strip() == "Bestuur van Beesd"
