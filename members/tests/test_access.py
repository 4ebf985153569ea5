"""Who may open what: every kind of private URL against every kind of visitor."""

from wagtail.models import CollectionViewRestriction, PageViewRestriction

import pytest

from members.access import can_access
from members.models import MemberProfile, ProjectKernInvitation
from members.projects import answer_kern_invitation, start_project
from members.tests.conftest import add_content

pytestmark = pytest.mark.django_db


def board_urls(world):
    base = "/beesd/bestuur/"
    content = world.content
    return {
        "board page": base,
        "documents": f"{base}documenten/",
        "document download": f"{base}documenten/{content['document'].pk}/",
        "meeting": f"{base}vergaderingen/{content['meeting'].pk}/",
        "thread": f"{base}berichten/{content['thread'].pk}/",
        "chat": f"{base}chat/",
        "chat poll": f"{base}chat/nieuw/?na=0",
        "poll": f"{base}peilingen/{content['poll'].pk}/",
        "members": f"{base}leden/",
        "calendar": f"{base}kalender/",
        "projects": f"{base}projecten/",
    }


def project_urls(world):
    base = world.project_page.url
    content = world.project_content
    return {
        "project workspace": f"{base}werkruimte/",
        "project document": f"{base}documenten/{content['document'].pk}/",
        "project meeting": f"{base}vergaderingen/{content['meeting'].pk}/",
        "project thread": f"{base}berichten/{content['thread'].pk}/",
        "project chat": f"{base}chat/",
        "project chat poll": f"{base}chat/nieuw/?na=0",
        "project poll": f"{base}peilingen/{content['poll'].pk}/",
        "project calendar": f"{base}kalender/",
    }


def statuses(client, urls):
    return {name: client.get(url).status_code for name, url in urls.items()}


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for name, url in {**board_urls(world), **project_urls(world)}.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith("/inloggen/?next="), name


@pytest.mark.parametrize(
    ("who", "board", "project"),
    [
        ("own_board", 200, 403),
        ("chair", 200, 200),
        ("other_board", 403, 403),
        ("assigned_broker", 200, 403),
        ("unassigned_broker", 403, 403),
        ("project_member", 403, 200),
        ("removed", 403, 403),
    ],
)
def test_access_matrix(client, world, who, board, project):
    client.force_login(world.users[who])

    assert set(statuses(client, board_urls(world)).values()) == {board}
    assert set(statuses(client, project_urls(world)).values()) == {project}


def test_the_project_summary_is_public_but_its_workspace_is_not(client, world):
    response = client.get(world.project_page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Samen werken aan Energiecoöperatie." in html
    assert "Beesd" in html and "Heukelum" in html
    assert "Dorpsdag project" not in html


def test_removing_a_member_takes_access_away_at_once(client, world):
    member = world.users["own_board"]
    client.force_login(member)
    assert client.get("/beesd/bestuur/").status_code == 200

    world.board.memberships.get(user=member).delete()

    assert client.get("/beesd/bestuur/").status_code == 403
    assert not member.groups.filter(pk=world.board.member_group_id).exists()


def test_a_chair_removes_a_member_and_a_member_may_not(client, world):
    member, chair = world.users["own_board"], world.users["chair"]
    membership = world.board.memberships.get(user=chair)
    client.force_login(member)
    refused = client.post(
        "/beesd/bestuur/leden/", {"action": "remove", "membership": membership.pk}
    )
    assert refused.status_code == 403
    assert world.board.memberships.filter(user=chair).exists()

    client.force_login(chair)
    own = world.board.memberships.get(user=member)
    response = client.post("/beesd/bestuur/leden/", {"action": "remove", "membership": own.pk})

    assert response.status_code == 302
    assert not world.board.memberships.filter(user=member).exists()
    client.force_login(member)
    assert client.get("/beesd/bestuur/").status_code == 403


@pytest.mark.parametrize("membership", ["abc", "", "999999", "1.5"])
def test_removing_an_unknown_member_is_not_found_and_removes_nobody(client, world, membership):
    client.force_login(world.users["chair"])
    before = world.board.memberships.count()

    response = client.post("/beesd/bestuur/leden/", {"action": "remove", "membership": membership})

    assert response.status_code == 404
    assert world.board.memberships.count() == before


def test_reassigning_a_kern_moves_the_gebiedsmakelaar_access(world):
    old, new = world.users["assigned_broker"], world.users["unassigned_broker"]
    world.beesd.area_broker = new.area_broker
    world.beesd.save_revision().publish()

    assert not can_access(type(old).objects.get(pk=old.pk), world.board)
    assert can_access(type(new).objects.get(pk=new.pk), world.board)


def test_provisioning_restricts_the_board_page_and_collection_to_its_groups(world):
    restriction = PageViewRestriction.objects.get(page=world.board.page)
    collection_restriction = CollectionViewRestriction.objects.get(
        collection=world.board.collection
    )

    expected = {"Beesd – bestuur", "Beesd – gebiedsmakelaar"}
    assert restriction.restriction_type == "groups"
    assert set(restriction.groups.values_list("name", flat=True)) == expected
    assert set(collection_restriction.groups.values_list("name", flat=True)) == expected
    # Not inside the kern's own collection: the kern's editors must not reach it.
    assert not world.board.collection.is_descendant_of(world.beesd.collection)


def test_an_editor_of_the_kern_has_no_access_to_the_board(client, world, beesd_editor):
    client.force_login(beesd_editor)

    assert client.get("/beesd/bestuur/").status_code == 403
    document = world.content["document"]
    assert client.get(f"/beesd/bestuur/documenten/{document.pk}/").status_code == 403


def test_the_dorpenoverleg_is_for_all_boards_and_the_gebiedsmakelaars(client, world, make_user):
    for who in ("own_board", "other_board", "assigned_broker", "unassigned_broker"):
        client.force_login(world.users[who])
        assert client.get("/dorpenoverleg/").status_code == 200, who

    client.force_login(make_user("inwoner"))
    assert client.get("/dorpenoverleg/").status_code == 403
    client.logout()
    assert client.get("/dorpenoverleg/").status_code == 302


def test_the_wagtail_document_url_of_a_board_document_is_closed_to_outsiders(client, world):
    document = world.content["document"]
    url = f"/documenten/{document.pk}/{document.filename}"

    response = client.get(url)
    assert response.status_code == 302  # to the login page
    assert "/inloggen/" in response.url
    # Someone logged in already is refused: the login page would send them straight back.
    client.force_login(world.users["other_board"])
    assert client.get(url).status_code == 403


def test_calendar_feed_with_a_secret_token_can_be_revoked(client, world):
    member = world.users["own_board"]
    profile = MemberProfile.for_user(member)
    url = f"/kalender/{profile.calendar_token}/{world.board.pk}.ics"

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Bestuursvergadering" in response.content.decode()
    assert (
        client.get(f"/kalender/{profile.calendar_token}/{world.other_board.pk}.ics").status_code
        == 403
    )

    client.force_login(member)
    client.post("/mijn-account/nieuwe-agendalink/")
    client.logout()

    assert client.get(url).status_code == 403
    assert client.get(f"/kalender/onzin/{world.board.pk}.ics").status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("own_board", 200), ("assigned_broker", 200), ("other_board", 403),
     ("unassigned_broker", 403), ("removed", 403)],
)  # fmt: skip
def test_calendar_feed_token_follows_the_access_rules(client, world, who, status):
    token = MemberProfile.for_user(world.users[who]).calendar_token

    assert client.get(f"/kalender/{token}/{world.board.pk}.ics").status_code == status


@pytest.mark.parametrize(
    ("who", "before", "after"),
    [
        ("other_board", 403, 200),  # the invited kern's board: in once it accepted
        ("project_member", 403, 200),  # the other member of that board
        ("unassigned_broker", 403, 403),  # Heukelum's gebiedsmakelaar is not on the board
        ("own_board", 200, 200),  # the starting kern's board
        ("assigned_broker", 403, 403),
        ("removed", 403, 403),
    ],
)
def test_access_matrix_of_a_project_a_board_started(client, world, who, before, after):
    project, _kernen, _people = start_project(
        kern=world.beesd, board=world.board, user=world.users["chair"], title="Buurtbus",
        summary="Samen een buurtbus.", kernen=[world.heukelum], emails=[],
    )  # fmt: skip
    workspace = project.get_workspace()
    content = add_content(workspace, world.users["chair"], " bus")
    base = project.url
    urls = {
        "workspace": f"{base}werkruimte/",
        "document": f"{base}documenten/{content['document'].pk}/",
        "meeting": f"{base}vergaderingen/{content['meeting'].pk}/",
        "thread": f"{base}berichten/{content['thread'].pk}/",
        "chat": f"{base}chat/",
        "chat poll": f"{base}chat/nieuw/?na=0",
        "poll": f"{base}peilingen/{content['poll'].pk}/",
        "calendar": f"{base}kalender/",
    }
    client.force_login(world.users[who])
    assert set(statuses(client, urls).values()) == {before}

    invitation = ProjectKernInvitation.objects.get(project=project)
    answer_kern_invitation(
        invitation.pk, world.heukelum, world.other_board, world.users["other_board"], accept=True
    )

    client.force_login(type(world.users[who]).objects.get(pk=world.users[who].pk))
    assert set(statuses(client, urls).values()) == {after}
    # Taking part in a project opens no other board area.
    if who in ("other_board", "project_member"):
        assert client.get("/beesd/bestuur/").status_code == 403
    client.logout()
    for url in urls.values():
        assert client.get(url).url.startswith("/inloggen/")
