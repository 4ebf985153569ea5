"""Who a share to an organisation or to a workspace reaches: the organisation's members, and
the workspace's own members; never whoever else may enter the workspace (its gebiedsmakelaar,
an organisation invited into it, or, for the dorpenoverleg, every kern's board), unless the
share names them."""

from datetime import timedelta

from django.utils import timezone

import pytest

from dossiers import services as dossier_services
from dossiers.factories import ShareFactory
from dossiers.models import DossierAccess, DossierShare
from dossiers.tests.conftest import dossier_urls, owner_urls
from kernen.provisioning import provision_municipality
from members import services
from members.constants import AccessRole, WorkspaceKind
from members.factories import OrganisationFactory, ProjectPageFactory
from members.models import ProjectIndexPage, Workspace
from members.provisioning import overleg_workspace

pytestmark = pytest.mark.django_db


#: The share form page: session, user, the page's menu and footer, the dossier, its items, the
#: shares, the workspaces and the organisations on offer (one query each, however many).
SHARE_FORM_QUERIES = 10


def statuses(client, urls):
    return {name: client.get(url).status_code for name, url in urls.items()}


def shares_url(world):
    return f"/mijn-dossier/{world.dossier.pk}/delen/"


@pytest.fixture
def waterschap(world, municipality, make_user):
    """The water board, an organisation of the owner's municipality, with one member."""
    organisation = OrganisationFactory(home=municipality, name="Waterschap Rivierenland")
    member = make_user("waterschap", email="medewerker@waterschap.example", first_name="Wim")
    services.add_organisation_member(organisation, member)
    world.users["organisation_member"] = member
    return organisation


# Organisations ---------------------------------------------------------------------------------


def test_the_owner_shares_the_dossier_with_an_organisation_and_its_members_read(
    client, world, waterschap
):
    until = timezone.localdate() + timedelta(days=14)
    client.force_login(world.users["owner"])
    response = client.post(
        shares_url(world),
        {"target": "organisation", "organisation": waterschap.pk, "ends_on": until.isoformat()},
    )
    assert response.status_code == 302
    share = DossierShare.objects.get()
    assert (share.organisation, share.user, share.workspace) == (waterschap, None, None)
    assert share.ends_on == until
    assert "Waterschap Rivierenland" in client.get(shares_url(world)).content.decode()

    client.force_login(world.users["organisation_member"])
    assert set(statuses(client, dossier_urls(world)).values()) == {200}
    assert set(statuses(client, owner_urls(world)).values()) == {403}  # read-only
    assert client.post(owner_urls(world)["add"], {"kind": "note"}).status_code == 403
    assert "Dijkversterking" in client.get("/mijn-dossier/").content.decode()

    client.force_login(world.users["owner"])
    log = client.get(owner_urls(world)["log"]).content.decode()
    assert log.count("Wim") == len(dossier_urls(world))
    assert "Waterschap Rivierenland" in log
    assert DossierAccess.objects.filter(share=share).count() == len(dossier_urls(world))


@pytest.mark.parametrize("who", ["other_resident", "board_member", "superuser"])
def test_a_share_with_an_organisation_is_for_nobody_else(client, world, waterschap, who):
    ShareFactory(dossier=world.dossier, user=None, organisation=waterschap)
    client.force_login(world.users[who])

    assert set(statuses(client, dossier_urls(world)).values()) == {404}
    assert "Dijkversterking" not in client.get("/mijn-dossier/").content.decode()


def test_an_organisation_share_of_one_item_opens_that_item_only(client, world, waterschap):
    ShareFactory(dossier=world.dossier, item=world.letter, user=None, organisation=waterschap)
    client.force_login(world.users["organisation_member"])

    assert statuses(client, dossier_urls(world)) == {
        "dossier": 200,
        "note": 404,
        "letter": 200,
        "letter file": 200,
        "photo file": 404,
    }


def test_an_organisation_share_ends_when_revoked_expired_or_the_member_leaves(
    client, world, waterschap, make_user
):
    share = ShareFactory(dossier=world.dossier, user=None, organisation=waterschap)
    colleague = make_user("collega", email="collega@waterschap.example")
    services.add_organisation_member(waterschap, colleague)
    client.force_login(colleague)
    assert client.get(dossier_urls(world)["letter file"]).status_code == 200

    colleague.groups.remove(waterschap.group)
    assert client.get(dossier_urls(world)["letter file"]).status_code == 404

    client.force_login(world.users["organisation_member"])
    share.ends_on = timezone.localdate() - timedelta(days=1)
    share.save()
    assert client.get(dossier_urls(world)["dossier"]).status_code == 404

    share.ends_on = None
    share.save()
    assert client.get(dossier_urls(world)["dossier"]).status_code == 200
    dossier_services.revoke(share)
    assert set(statuses(client, dossier_urls(world)).values()) == {404}


def test_the_form_offers_only_the_organisations_of_the_owners_municipality(
    client, world, waterschap
):
    elsewhere, _report = provision_municipality("Tiel", hostname="tiel.example")
    foreign = OrganisationFactory(home=elsewhere, name="Aannemer Tiel")
    client.force_login(world.users["owner"])

    form = client.get(shares_url(world)).content.decode()
    assert "Waterschap Rivierenland" in form
    assert "Aannemer Tiel" not in form

    response = client.post(
        shares_url(world), {"target": "organisation", "organisation": foreign.pk}
    )
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not DossierShare.objects.exists()


@pytest.fixture
def tiel(make_kern):
    """Another municipality with a kern (so a board) and a dorpenoverleg of its own."""
    home, _report = provision_municipality("Tiel", hostname="tiel.example")
    make_kern("Wadenoijen", home=home)
    return home


def workspace_names(home):
    return set(Workspace.objects.filter(page__path__startswith=home.path).values_list("name"))


def test_the_form_offers_only_the_workspaces_of_the_owners_municipality(
    client, world, municipality, tiel
):
    own, foreign = workspace_names(municipality), workspace_names(tiel)
    assert len(own) >= 3 and len(foreign) >= 2  # two boards and a dorpenoverleg; a board and one
    client.force_login(world.users["owner"])

    form = client.get(shares_url(world)).content.decode()
    assert all(f">{name}</option>" in form for (name,) in own)
    assert not any(name in form for (name,) in foreign)

    response = client.post(shares_url(world), {"target": "workspace", "workspace": world.board.pk})
    assert response.status_code == 302
    assert DossierShare.objects.get().workspace == world.board


@pytest.mark.parametrize("kind", [WorkspaceKind.BOARD, WorkspaceKind.OVERLEG])
def test_another_municipalitys_workspace_is_refused_and_nothing_is_stored(
    client, world, tiel, kind
):
    foreign = Workspace.objects.get(page__path__startswith=tiel.path, kind=kind)
    client.force_login(world.users["owner"])

    response = client.post(shares_url(world), {"target": "workspace", "workspace": foreign.pk})

    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not DossierShare.objects.exists()


def test_on_the_other_municipalitys_site_its_own_workspaces_are_offered(
    client, world, municipality, tiel
):
    client.force_login(world.users["owner"])

    form = client.get(shares_url(world), HTTP_HOST="tiel.example").content.decode()
    assert all(name in form for (name,) in workspace_names(tiel))
    assert not any(f">{name}</option>" in form for (name,) in workspace_names(municipality))
    response = client.post(
        shares_url(world),
        {"target": "workspace", "workspace": world.board.pk},
        HTTP_HOST="tiel.example",
    )
    assert response.status_code == 400
    assert not DossierShare.objects.exists()


def test_the_share_form_takes_as_many_queries_with_more_workspaces(
    client, world, municipality, make_kern, django_assert_num_queries
):
    client.force_login(world.users["owner"])
    client.get(shares_url(world))  # warm the per-process caches (menu, site)
    with django_assert_num_queries(SHARE_FORM_QUERIES):
        assert client.get(shares_url(world)).status_code == 200

    for name in ("Geldermalsen", "Asperen", "Acquoy"):
        make_kern(name)
    provision_municipality("Tiel", hostname="tiel.example")
    client.get(shares_url(world))  # new pages: the menu is built again once
    with django_assert_num_queries(SHARE_FORM_QUERIES):
        form = client.get(shares_url(world)).content.decode()
    assert "Asperen" in form


def test_a_share_cannot_name_two_targets(world, waterschap):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        DossierShare.objects.create(
            dossier=world.dossier, workspace=world.board, organisation=waterschap
        )


# Workspaces: only their own member group -------------------------------------------------------


def test_a_board_share_does_not_reach_its_gebiedsmakelaar_or_an_invited_organisation(
    client, world, waterschap, make_user
):
    broker = make_user("makelaar-heukelum", email="makelaar@westbetuwe.example")
    broker.groups.add(world.board.broker_group)
    services.invite_organisation(world.board, waterschap, AccessRole.POST)
    ShareFactory(dossier=world.dossier, user=None, workspace=world.board)

    client.force_login(world.users["board_member"])
    assert set(statuses(client, dossier_urls(world)).values()) == {200}
    for who in (broker, world.users["organisation_member"]):
        client.force_login(who)
        assert set(statuses(client, dossier_urls(world)).values()) == {404}
        assert "Dijkversterking" not in client.get("/mijn-dossier/").content.decode()


def test_an_invited_organisation_reads_when_the_share_names_it(client, world, waterschap):
    services.invite_organisation(world.board, waterschap, AccessRole.READ)
    ShareFactory(dossier=world.dossier, user=None, workspace=world.board)
    ShareFactory(dossier=world.dossier, item=world.note, user=None, organisation=waterschap)
    client.force_login(world.users["organisation_member"])

    found = statuses(client, dossier_urls(world))
    assert found["note"] == 200
    assert found["letter"] == 404


def test_a_dorpenoverleg_share_reaches_its_own_members_not_every_board(
    client, world, municipality, make_user
):
    overleg = overleg_workspace(municipality)
    assert overleg.access_groups.filter(pk=world.board.member_group_id).exists()
    delegate = make_user("overleg-lid", email="overleg@westbetuwe.example")
    services.add_member(overleg, delegate)
    ShareFactory(dossier=world.dossier, user=None, workspace=overleg)

    client.force_login(delegate)
    assert set(statuses(client, dossier_urls(world)).values()) == {200}
    for who in ("board_member", "other_board"):
        client.force_login(world.users[who])
        assert set(statuses(client, dossier_urls(world)).values()) == {404}, who


def test_a_project_share_reaches_its_members_not_an_invited_organisation(
    client, world, municipality, beesd, heukelum, waterschap, make_user
):
    page = ProjectPageFactory(
        parent=ProjectIndexPage.objects.child_of(municipality).get(),
        title="Dijkproject",
        kernen=[beesd, heukelum],
    )
    project = Workspace.objects.get(page=page)
    member = make_user("project-lid", email="project@example.nl")
    services.add_member(project, member)
    services.invite_organisation(project, waterschap, AccessRole.READ)
    ShareFactory(dossier=world.dossier, user=None, workspace=project)

    client.force_login(member)
    assert set(statuses(client, dossier_urls(world)).values()) == {200}
    for who in (world.users["organisation_member"], world.users["board_member"]):
        client.force_login(who)
        assert set(statuses(client, dossier_urls(world)).values()) == {404}
