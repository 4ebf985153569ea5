"""Who may open what in a resident's dossier: every URL against every kind of visitor, and
shares that end (revoked, expired) closing every URL at once, the file's included."""

from datetime import timedelta

from django.utils import timezone

import pytest

from dossiers import services
from dossiers.factories import ShareFactory
from dossiers.models import DossierAccess
from dossiers.tests.conftest import dossier_urls, owner_urls

pytestmark = pytest.mark.django_db


def statuses(client, urls):
    return {name: client.get(url).status_code for name, url in urls.items()}


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for name, url in {**dossier_urls(world), **owner_urls(world)}.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith("/inloggen/?next="), name


def test_the_owner_opens_everything(client, world):
    client.force_login(world.users["owner"])

    assert set(statuses(client, {**dossier_urls(world), **owner_urls(world)}).values()) == {200}
    assert not DossierAccess.objects.exists()  # the owner's own looks are not logged


@pytest.mark.parametrize("who", ["other_resident", "board_member", "other_board", "superuser"])
def test_nobody_else_sees_anything_without_a_share(client, world, who):
    client.force_login(world.users[who])

    assert set(statuses(client, {**dossier_urls(world), **owner_urls(world)}).values()) == {404}
    listing = client.get("/mijn-dossier/").content.decode()
    assert "Dijkversterking" not in listing


def test_the_file_is_never_on_a_media_url(client, world):
    client.force_login(world.users["owner"])

    assert world.letter.file.name.startswith("dossiers/")
    assert client.get(f"/media/{world.letter.file.name}").status_code == 404
    assert world.letter.file.name not in client.get(dossier_urls(world)["letter"]).content.decode()


def test_a_share_with_the_board_lets_its_members_read_not_write(client, world):
    ShareFactory(dossier=world.dossier, user=None, workspace=world.board)

    client.force_login(world.users["board_member"])

    assert set(statuses(client, dossier_urls(world)).values()) == {200}
    assert set(statuses(client, owner_urls(world)).values()) == {403}
    assert client.post(owner_urls(world)["add"], {"kind": "note"}).status_code == 403
    delete = f"/mijn-dossier/{world.dossier.pk}/stukken/{world.note.pk}/verwijderen/"
    assert client.post(delete).status_code == 403
    assert world.dossier.items.count() == 3
    assert "Dijkversterking" in client.get("/mijn-dossier/").content.decode()


@pytest.mark.parametrize("who", ["other_board", "other_resident", "superuser"])
def test_a_share_with_the_board_is_not_for_others(client, world, who):
    ShareFactory(dossier=world.dossier, user=None, workspace=world.board)
    client.force_login(world.users[who])

    assert set(statuses(client, dossier_urls(world)).values()) == {404}


def test_a_share_of_one_item_opens_that_item_only(client, world):
    ShareFactory(dossier=world.dossier, item=world.letter, user=world.users["other_resident"])
    client.force_login(world.users["other_resident"])

    found = statuses(client, dossier_urls(world))

    assert found == {
        "dossier": 200,
        "note": 404,
        "letter": 200,
        "letter file": 200,
        "photo file": 404,
    }
    page = client.get(dossier_urls(world)["dossier"]).content.decode()
    assert "Brief waterschap" in page
    assert "Gesprek aannemer" not in page


def test_a_revoked_share_stops_at_once_also_for_a_saved_file_link(client, world):
    share = ShareFactory(dossier=world.dossier, user=world.users["other_resident"])
    client.force_login(world.users["other_resident"])
    file_url = dossier_urls(world)["letter file"]
    assert client.get(file_url).status_code == 200

    services.revoke(share)

    assert set(statuses(client, dossier_urls(world)).values()) == {404}


def test_an_expired_share_stops_the_day_after_its_end_date(client, world):
    today = timezone.localdate()
    share = ShareFactory(dossier=world.dossier, user=world.users["other_resident"], ends_on=today)
    client.force_login(world.users["other_resident"])
    assert client.get(dossier_urls(world)["photo file"]).status_code == 200

    share.ends_on = today - timedelta(days=1)
    share.save()

    assert set(statuses(client, dossier_urls(world)).values()) == {404}


def test_leaving_the_board_ends_its_share_for_that_member(client, world):
    ShareFactory(dossier=world.dossier, user=None, workspace=world.board)
    client.force_login(world.users["board_member"])
    assert client.get(dossier_urls(world)["dossier"]).status_code == 200

    world.board.memberships.filter(user=world.users["board_member"]).delete()

    assert client.get(dossier_urls(world)["letter file"]).status_code == 404


def test_the_owner_sees_who_looked_at_what_and_when(client, world):
    ShareFactory(dossier=world.dossier, user=None, workspace=world.board)
    reader = world.users["board_member"]
    reader.first_name, reader.last_name = "Peter", "de Groot"
    reader.save()
    client.force_login(reader)
    client.get(dossier_urls(world)["letter"])
    client.get(dossier_urls(world)["letter file"])

    client.force_login(world.users["owner"])
    log = client.get(owner_urls(world)["log"]).content.decode()

    assert log.count("Peter de Groot") == 2
    assert "Brief waterschap" in log
    assert "gedownload" in log
    assert "Bestuur Heukelum" in log or world.board.name in log
