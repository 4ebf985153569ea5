"""Logging in on the public site, passwords, invitations and announcements."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

import pytest

from members.models import Invitation, Membership

pytestmark = pytest.mark.django_db


def test_the_login_page_is_dutch_and_logs_a_member_in(client, world):
    page = client.get("/inloggen/?next=/beesd/bestuur/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Inloggen</h1>" in html
    assert 'for="id_username">Gebruikersnaam of e-mailadres' in html
    assert "Wachtwoord vergeten?" in html

    response = client.post(
        "/inloggen/",
        {"username": "lid-beesd", "password": "correct-horse-battery", "next": "/beesd/bestuur/"},
    )

    assert response.status_code == 302
    assert response.url == "/beesd/bestuur/"
    assert client.get("/beesd/bestuur/").status_code == 200


def test_a_wrong_password_is_refused_in_dutch(client, world):
    response = client.post("/inloggen/", {"username": "lid-beesd", "password": "fout"})

    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_an_empty_login_field_says_so_next_to_it_like_every_other_form(client, world):
    response = client.post("/inloggen/", {"username": "", "password": "geheim"})

    html = response.content.decode()
    assert response.status_code == 200
    error = '<p class="form-field__error" id="id_username_error">Dit is een verplicht veld.</p>'
    assert error in html
    field = re.search(r"<input[^>]*name=\"username\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_username_error"' in field
    assert 'autocomplete="username"' in field and 'autocapitalize="none"' in field


def test_logging_out_ends_access(client, world):
    client.force_login(world.users["own_board"])

    response = client.post("/uitloggen/")

    assert response.status_code == 302
    assert client.get("/beesd/bestuur/").status_code == 302


def test_password_reset_sends_a_dutch_email_with_a_working_link(client, world):
    response = client.post("/wachtwoord-vergeten/", {"email": "lid@beesd.example"})
    assert response.status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Kies een nieuw wachtwoord"
    assert "Je gebruikersnaam: lid-beesd" in message.body
    link = re.search(r"http://testserver(/wachtwoord-instellen/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "een-nieuw-Wachtwoord-42", "new_password2": "een-nieuw-Wachtwoord-42"},
    )
    assert done.status_code == 302
    assert client.login(username="lid-beesd", password="een-nieuw-Wachtwoord-42")


def invite(client, world, email="nieuw@beesd.example", role="member"):
    return client.post(
        "/beesd/bestuur/leden/",
        {"action": "invite", "email": email, "name": "Nieuw Lid", "role": role},
    )


def test_a_chair_invites_and_the_invited_person_sets_a_password_once(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["chair"])
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(client, world).status_code == 302

    message = mail.outbox[0]
    assert message.to == ["nieuw@beesd.example"]
    assert message.subject == "Uitnodiging: Beesd – bestuur"
    link = re.search(r"http://testserver(/uitnodiging/\S+/)", message.body).group(1)
    client.logout()

    page = client.get(link)
    assert page.status_code == 200
    assert "Kies een wachtwoord" in page.content.decode()
    response = client.post(
        link,
        {"first_name": "Nieuw", "password1": "Dorpshuis-Beesd-2027",
         "password2": "Dorpshuis-Beesd-2027"},
    )  # fmt: skip

    assert response.status_code == 302
    assert response.url == "/beesd/bestuur/"
    assert client.get("/beesd/bestuur/").status_code == 200
    user = get_user_model().objects.get(email="nieuw@beesd.example")
    assert Membership.objects.filter(workspace=world.board, user=user).exists()
    client.logout()
    assert client.get(link).status_code == 410


def test_an_expired_invitation_does_not_work(client, world):
    invitation = Invitation.objects.create(
        workspace=world.board,
        email="laat@beesd.example",
        created_at=timezone.now() - timedelta(days=8),
    )

    response = client.get(f"/uitnodiging/{invitation.token}/")

    assert response.status_code == 410
    assert "Deze uitnodiging werkt niet meer" in response.content.decode()
    assert client.get("/uitnodiging/onzin/").status_code == 404


def test_an_invited_person_with_an_account_just_accepts(client, world):
    user = world.users["other_board"]
    invitation = Invitation.objects.create(workspace=world.board, email=user.email)

    response = client.post(f"/uitnodiging/{invitation.token}/")

    assert response.status_code == 302
    assert Membership.objects.filter(workspace=world.board, user=user).exists()


def test_a_member_who_is_not_chair_cannot_invite(client, world):
    client.force_login(world.users["own_board"])

    assert invite(client, world).status_code == 403
    assert not Invitation.objects.exists()
    assert "Iemand uitnodigen" not in client.get("/beesd/bestuur/leden/").content.decode()


def test_a_project_chair_adds_a_board_member_of_a_taking_part_kern(client, world):
    client.force_login(world.users["chair"])
    base = world.project_page.url
    page = client.get(f"{base}leden/").content.decode()
    assert "lid-heukelum" in page or "Henk" in page

    response = client.post(
        f"{base}leden/", {"action": "add", "user": world.users["other_board"].pk}
    )
    assert response.status_code == 302

    client.force_login(world.users["other_board"])
    assert client.get(f"{base}werkruimte/").status_code == 200
    assert client.get("/beesd/bestuur/").status_code == 403


def test_someone_outside_the_taking_part_boards_cannot_be_added(client, world, make_user):
    outsider = make_user("buiten")
    client.force_login(world.users["chair"])

    response = client.post(
        f"{world.project_page.url}leden/", {"action": "add", "user": outsider.pk}
    )

    assert response.status_code == 400
    assert not world.project.memberships.filter(user=outsider).exists()


def test_my_account_lists_my_workspaces_with_calendar_links(client, world):
    client.force_login(world.users["chair"])

    html = client.get("/mijn-account/").content.decode()

    assert 'href="/beesd/bestuur/">Beesd – bestuur</a>' in html
    assert f'href="{world.project_page.url}werkruimte/">Project Energiecoöperatie</a>' in html
    assert "Heukelum – bestuur" not in html
    assert "/kalender/" in html
    assert client.get("/mijn-account/").status_code == 200
    client.logout()
    assert client.get("/mijn-account/").status_code == 302


def test_a_gebiedsmakelaar_sends_an_announcement_to_chosen_boards(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["assigned_broker"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mededeling-aan-besturen/",
            {"title": "Wegwerkzaamheden Lingedijk", "body": "Vanaf maandag is de dijk dicht.",
             "kernen": [world.beesd.pk]},
        )  # fmt: skip

    assert response.status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["lid@beesd.example", "voorzitter@beesd.example"]
    assert mail.outbox[0].subject == "Van de gemeente: Wegwerkzaamheden Lingedijk"

    client.force_login(world.users["own_board"])
    assert "Wegwerkzaamheden Lingedijk" in client.get("/beesd/bestuur/").content.decode()
    client.force_login(world.users["other_board"])
    assert "Wegwerkzaamheden Lingedijk" not in client.get("/heukelum/bestuur/").content.decode()


def test_a_board_member_may_not_send_announcements(client, world):
    client.force_login(world.users["own_board"])

    response = client.post(
        "/mededeling-aan-besturen/", {"title": "X", "body": "Y", "all_kernen": "on"}
    )

    assert response.status_code == 403


def test_an_announcement_needs_kernen(client, world):
    client.force_login(world.users["assigned_broker"])

    response = client.post("/mededeling-aan-besturen/", {"title": "X", "body": "Y"})

    assert response.status_code == 400
    assert "Kies een of meer kernen, of alle kernen." in response.content.decode()
