"""A kern's board starts a cross-kern project, invites other kernen and people; invited boards
accept or decline in their board area."""

from django.core import mail

import pytest

from kernen.provisioning import provision_kern, provision_municipality
from members import services
from members.constants import Role
from members.models import (
    Invitation,
    InvitationStatus,
    ProjectKernInvitation,
    ProjectPage,
    Workspace,
)

pytestmark = pytest.mark.django_db

START_URL = "/beesd/bestuur/projecten/nieuw/"


@pytest.fixture
def asperen(make_kern):
    return make_kern("Asperen")


def form_data(*kernen, **fields):
    return {
        "title": "Samen zonnepanelen",
        "summary": "Drie dorpen kopen samen zonnepanelen in.",
        "kernen": [kern.pk for kern in kernen],
        "emails": "",
        **fields,
    }


@pytest.fixture
def started(client, world, asperen, django_capture_on_commit_callbacks):
    """Henk (a board member of Beesd, not the chair) starts a project with Heukelum and
    Asperen and invites one person by e-mail."""
    client.force_login(world.users["own_board"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            START_URL, form_data(world.heukelum, asperen, emails="Expert@Energie.example")
        )
    project = ProjectPage.objects.get(title="Samen zonnepanelen")
    assert response.status_code == 302
    assert response.url == f"{project.url}werkruimte/"
    return project


def test_a_board_member_starts_a_project_with_the_own_kern_taking_part(started, world, client):
    project = started
    workspace = Workspace.objects.get(page=project)

    assert project.live
    assert list(project.kernen.all()) == [world.beesd]
    assert project.owner == world.users["own_board"]
    # The whole board of Beesd works in the project; the starter leads it.
    roles = dict(workspace.memberships.values_list("user__username", "role"))
    assert roles == {"lid-beesd": Role.CHAIR, "voorzitter-beesd": Role.MEMBER}
    assert client.get(f"{project.url}werkruimte/").status_code == 200


def test_the_public_summary_is_published_at_once_and_names_only_kernen_taking_part(started, client):
    client.logout()
    html = client.get(started.url).content.decode()

    assert "Drie dorpen kopen samen zonnepanelen in." in html
    assert ">Beesd</a>" in html
    assert "Heukelum" not in html and "Asperen" not in html  # invited, not (yet) taking part
    assert "Samen zonnepanelen" in client.get("/projecten/").content.decode()


def test_invited_boards_and_people_get_an_invitation(started, world, asperen):
    invitations = ProjectKernInvitation.objects.filter(project=started)
    assert {(i.kern_id, i.status, i.invited_by_kern_id) for i in invitations} == {
        (world.heukelum.pk, InvitationStatus.PENDING, world.beesd.pk),
        (asperen.pk, InvitationStatus.PENDING, world.beesd.pk),
    }
    person = Invitation.objects.get(workspace__page=started)
    assert person.email == "Expert@Energie.example"

    by_address = {message.to[0]: message for message in mail.outbox}
    # Heukelum's board (two members) and the invited person; Asperen's board has no members.
    assert set(by_address) == {
        "lid@heukelum.example",
        "project@heukelum.example",
        "Expert@Energie.example",
    }
    board_mail = by_address["lid@heukelum.example"]
    assert board_mail.subject == "Beesd nodigt je kern uit voor het project Samen zonnepanelen"
    assert "http://testserver/heukelum/bestuur/projecten/" in board_mail.body
    assert f"/uitnodiging/{person.token}/" in by_address["Expert@Energie.example"].body


def test_the_invited_board_sees_the_invitation_in_its_board_area(started, world, client):
    client.force_login(world.users["other_board"])

    overview = client.get("/heukelum/bestuur/").content.decode()
    assert "Beesd nodigt je kern uit voor het project “Samen zonnepanelen”." in overview
    projects = client.get("/heukelum/bestuur/projecten/").content.decode()
    assert "Drie dorpen kopen samen zonnepanelen in." in projects
    assert 'value="accept"' in projects and 'value="decline"' in projects
    # The starting board sees what it sent.
    client.force_login(world.users["chair"])
    sent = client.get("/beesd/bestuur/projecten/").content.decode()
    assert "Samen zonnepanelen: Heukelum – wacht op antwoord" in sent


def answer_url(project, kern):
    invitation = ProjectKernInvitation.objects.get(project=project, kern=kern)
    return f"/{kern.slug}/bestuur/projecten/uitnodigingen/{invitation.pk}/"


def test_accepting_lets_the_kern_take_part_and_its_board_in(started, world, client):
    member, workspace_url = world.users["other_board"], f"{started.url}werkruimte/"
    client.force_login(member)
    assert client.get(workspace_url).status_code == 403  # before accepting

    response = client.post(answer_url(started, world.heukelum), {"action": "accept"})

    assert response.status_code == 302
    assert response.url == workspace_url
    assert client.get(workspace_url).status_code == 200
    client.force_login(world.users["project_member"])  # the other Heukelum board member
    assert client.get(workspace_url).status_code == 200
    invitation = ProjectKernInvitation.objects.get(project=started, kern=world.heukelum)
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.answered_by == member
    project = ProjectPage.objects.get(pk=started.pk)
    assert set(project.kernen.all()) == {world.beesd, world.heukelum}
    # Published and in the latest revision, so a later edit in the admin keeps it.
    assert world.heukelum in project.get_latest_revision_as_object().kernen.all()
    client.logout()
    assert ">Heukelum</a>" in client.get(started.url).content.decode()


def test_accepting_keeps_a_draft_of_an_editor(started, world, client):
    draft = started.get_latest_revision_as_object()
    draft.summary = "Nieuwe tekst van de redactie."
    draft.save_revision()
    client.force_login(world.users["other_board"])

    client.post(answer_url(started, world.heukelum), {"action": "accept"})

    project = ProjectPage.objects.get(pk=started.pk)
    assert project.has_unpublished_changes
    assert project.summary == "Drie dorpen kopen samen zonnepanelen in."
    assert world.heukelum in project.kernen.all()
    latest = project.get_latest_revision_as_object()
    assert latest.summary == "Nieuwe tekst van de redactie."
    assert world.heukelum in latest.kernen.all()


def test_declining_keeps_the_kern_and_its_board_out(started, world, client):
    client.force_login(world.users["other_board"])

    response = client.post(answer_url(started, world.heukelum), {"action": "decline"})

    assert response.status_code == 302
    assert response.url == "/heukelum/bestuur/projecten/"
    invitation = ProjectKernInvitation.objects.get(project=started, kern=world.heukelum)
    assert invitation.status == InvitationStatus.DECLINED
    assert list(ProjectPage.objects.get(pk=started.pk).kernen.all()) == [world.beesd]
    assert client.get(f"{started.url}werkruimte/").status_code == 403


@pytest.mark.parametrize(
    "action, subject, sentence",
    [
        (
            "accept",
            "Heukelum doet mee aan het project Samen zonnepanelen",
            "Heukelum doet nu mee aan “Samen zonnepanelen”",
        ),
        (
            "decline",
            "Heukelum doet niet mee aan het project Samen zonnepanelen",
            "Het bestuur van Heukelum heeft je uitnodiging voor “Samen zonnepanelen” afgeslagen.",
        ),
    ],
)
def test_the_starting_board_hears_the_answer_by_e_mail(
    started, world, client, django_capture_on_commit_callbacks, action, subject, sentence
):
    client.force_login(world.users["other_board"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer_url(started, world.heukelum), {"action": action})

    starting_board = {
        user.email for user in (world.users["own_board"], world.users["chair"]) if user.email
    }
    assert starting_board
    assert {message.to[0] for message in mail.outbox} == starting_board
    message = mail.outbox[0]
    assert message.subject == subject
    assert sentence in message.body
    assert f"http://testserver{started.url}werkruimte/" in message.body


def test_a_second_answer_sends_no_second_e_mail(
    started, world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.users["other_board"])
    url = answer_url(started, world.heukelum)
    client.post(url, {"action": "decline"})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "accept"})

    assert mail.outbox == []


def test_an_invitation_is_answered_once(started, world, client):
    client.force_login(world.users["other_board"])
    url = answer_url(started, world.heukelum)
    client.post(url, {"action": "decline"})

    response = client.post(url, {"action": "accept"}, follow=True)

    assert "Deze uitnodiging is al beantwoord." in response.content.decode()
    invitation = ProjectKernInvitation.objects.get(project=started, kern=world.heukelum)
    assert invitation.status == InvitationStatus.DECLINED
    assert client.get(f"{started.url}werkruimte/").status_code == 403


@pytest.mark.parametrize("who", ["assigned_broker", "chair", "removed"])
def test_only_the_invited_board_answers(started, world, client, who):
    """Beesd's chair cannot answer for Heukelum (no access to that board area), Heukelum's
    gebiedsmakelaar may read the board area but is not on the board."""
    heukelum_broker = world.users["unassigned_broker"]  # assigned to Heukelum in the world
    user = heukelum_broker if who == "assigned_broker" else world.users[who]
    client.force_login(user)

    response = client.post(answer_url(started, world.heukelum), {"action": "accept"})

    assert response.status_code == 403
    invitation = ProjectKernInvitation.objects.get(project=started, kern=world.heukelum)
    assert invitation.status == InvitationStatus.PENDING


def test_answering_needs_a_post_with_a_choice(started, world, client):
    client.force_login(world.users["other_board"])
    url = answer_url(started, world.heukelum)

    assert client.get(url).status_code == 405
    response = client.post(url, {"action": "misschien"})
    assert response.status_code == 400
    assert "Kies of je bestuur meedoet of niet." in response.content.decode()
    beesd_invitation = f"/beesd/bestuur/projecten/uitnodigingen/{ProjectKernInvitation.objects.get(project=started, kern=world.heukelum).pk}/"  # noqa: E501
    client.force_login(world.users["chair"])
    assert client.post(beesd_invitation, {"action": "accept"}).status_code == 302  # not Beesd's
    assert ProjectKernInvitation.objects.filter(status=InvitationStatus.PENDING).count() == 2


# Who may start -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("chair", 200), ("own_board", 200), ("assigned_broker", 403), ("other_board", 403),
     ("unassigned_broker", 403), ("removed", 403)],
)  # fmt: skip
def test_who_may_open_the_start_form(client, world, who, status):
    client.force_login(world.users[who])

    response = client.get(START_URL)

    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Nieuw project starten" in html
        assert f'value="{world.heukelum.pk}"' in html
        assert f'value="{world.beesd.pk}"' not in html  # the own kern is not offered


@pytest.mark.parametrize("who", ["assigned_broker", "other_board", "removed", "outsider"])
def test_refused_users_store_nothing(client, world, make_user, who):
    user = make_user("inwoner") if who == "outsider" else world.users[who]
    client.force_login(user)

    assert client.post(START_URL, form_data(world.heukelum)).status_code == 403
    assert not ProjectPage.objects.filter(title="Samen zonnepanelen").exists()
    assert not ProjectKernInvitation.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for url in (START_URL, "/beesd/bestuur/projecten/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/inloggen/")
    assert client.post(START_URL, form_data(world.heukelum)).status_code == 302
    assert not ProjectPage.objects.filter(title="Samen zonnepanelen").exists()


def test_a_board_of_another_municipality_cannot_start_or_invite(client, world, make_user):
    other_home, _report = provision_municipality("Zaltbommel", hostname="zaltbommel.localhost")
    brakel, _report = provision_kern(other_home, "Brakel")
    board = Workspace.objects.get(page__path__startswith=brakel.path, kind="board")
    member = make_user("bestuur-brakel", email="bestuur@brakel.example")
    services.add_member(board, member)
    client.force_login(member)

    # Not on the board of Beesd.
    assert client.post(START_URL, form_data(world.heukelum)).status_code == 403
    # Beesd's board cannot invite a kern of another municipality either.
    client.force_login(world.users["chair"])
    response = client.post(START_URL, form_data(brakel))
    assert response.status_code == 400
    assert "Deze kern hoort niet bij jouw gemeente." in response.content.decode()
    assert not ProjectPage.objects.filter(title="Samen zonnepanelen").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kernen": []}, "Kies minstens één andere kern."),
        ("own", "Je eigen kern doet al mee. Kies een of meer andere kernen."),
        ({"kernen": [999999]}, "Deze kern hoort niet bij jouw gemeente."),
        ({"kernen": ["geen-getal"]}, "Deze kern hoort niet bij jouw gemeente."),
        ({"title": ""}, "Dit is een verplicht veld."),
        ({"summary": ""}, "Dit is een verplicht veld."),
        ({"emails": "goed@example.nl\nniet-goed"}, "“niet-goed” is geen geldig e-mailadres."),
        ({"emails": "\n".join(f"p{n}@example.nl" for n in range(21))}, "Nodig maximaal 20"),
    ],
)
def test_bad_input_gets_dutch_errors_and_stores_nothing(client, world, data, message):
    client.force_login(world.users["chair"])
    payload = form_data(world.heukelum)
    payload.update({"kernen": [world.beesd.pk, world.heukelum.pk]} if data == "own" else data)

    response = client.post(START_URL, payload)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProjectPage.objects.filter(title="Samen zonnepanelen").exists()
    assert not ProjectKernInvitation.objects.exists()
    assert not Invitation.objects.exists()


def test_two_projects_with_the_same_name_get_their_own_address(client, world):
    client.force_login(world.users["chair"])
    for _number in range(2):
        assert client.post(START_URL, form_data(world.heukelum)).status_code == 302

    slugs = sorted(
        ProjectPage.objects.filter(title="Samen zonnepanelen").values_list("slug", flat=True)
    )
    assert slugs == ["samen-zonnepanelen", "samen-zonnepanelen-2"]
    groups = set(
        Workspace.objects.filter(page__title="Samen zonnepanelen").values_list("name", flat=True)
    )
    assert groups == {"Project Samen zonnepanelen", "Project Samen zonnepanelen (2)"}
