"""A resident signs up with e-mail confirmation; the dossier is in "download my data" and goes
with the account, files included; support access in the admin is off by default."""

import json
import re

from django.contrib.auth import get_user_model
from django.core import mail

from wagtail.models import ModelLogEntry

import pytest

from dossiers.admin import DossierSupportViewSet, SupportPermissionPolicy, register_support_viewset
from dossiers.models import Dossier, DossierItem, DossierShare
from privacy.models import EmailLink

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Nieuw@Example.nl",
    "first_name": "Ans",
    "password1": "dijk-langs-de-linge-42",
    "password2": "dijk-langs-de-linge-42",
}


def test_signup_stores_nothing_until_the_link_is_clicked(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mijn-dossier/aanmelden/", SIGNUP)

    assert response.status_code == 302
    assert not get_user_model().objects.filter(email__iexact="nieuw@example.nl").exists()
    link = re.search(r"http://\S+/mijn-dossier/bevestigen/\S+/", mail.outbox[0].body).group(0)
    assert client.get(link).status_code == 200  # a page with a button; a mail scanner makes nothing
    assert not get_user_model().objects.filter(username="nieuw@example.nl").exists()

    response = client.post(link)

    user = get_user_model().objects.get(username="nieuw@example.nl")
    assert response.url == "/mijn-dossier/"
    assert user.check_password("dijk-langs-de-linge-42")
    assert not user.groups.exists() and not user.is_staff
    assert client.post(link).status_code == 410  # used once
    assert client.get("/mijn-dossier/").status_code == 200


def test_signup_with_a_known_address_says_the_same_and_mails_the_login(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mijn-dossier/aanmelden/", {**SIGNUP, "email": "bewoner@example.nl"}
        )

    assert response.status_code == 302
    assert not EmailLink.objects.exists()
    assert "/inloggen/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password2": "iets-anders-123"}, "niet hetzelfde"),
        ({"password1": "kort", "password2": "kort"}, "te kort"),
        ({"email": "geen-adres"}, "geldig e-mailadres"),
        ({"first_name": ""}, "verplicht"),
        ({"website": "http://spam.example"}, ""),
    ],
)
def test_bad_signups_are_refused_and_nothing_is_stored(client, change, message):
    response = client.post("/mijn-dossier/aanmelden/", {**SIGNUP, **change})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EmailLink.objects.exists()


def test_signup_is_rate_limited(client, settings):
    settings.DOSSIER_SIGNUP_RATE_LIMIT = 2
    for _attempt in range(2):
        client.post("/mijn-dossier/aanmelden/", {**SIGNUP, "password2": "fout"})

    assert client.post("/mijn-dossier/aanmelden/", SIGNUP).status_code == 429


def test_an_unknown_link_is_refused(client):
    assert client.get("/mijn-dossier/bevestigen/niet-echt/").status_code == 410


def test_download_my_data_holds_the_dossier(client, world):
    DossierShare.objects.create(dossier=world.dossier, workspace=world.board)
    client.force_login(world.users["owner"])

    data = json.loads(client.get("/mijn-account/mijn-gegevens.json").content)

    dossier = data["dossiers"]["dossiers"][0]
    assert dossier["title"] == "Dijkversterking"
    assert {item["title"] for item in dossier["items"]} == {
        "Gesprek aannemer",
        "Brief waterschap",
        "Scheur in de muur",
    }
    assert dossier["shares"][0]["with"] == world.board.name


def test_the_dossier_and_its_files_go_with_the_account(
    client, world, django_capture_on_commit_callbacks
):
    storage, name = world.letter.file.storage, world.letter.file.name
    client.force_login(world.users["owner"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mijn-account/verwijderen/", {"password": "correct-horse-battery"})

    assert response.status_code == 200
    assert not Dossier.objects.exists()
    assert not DossierItem.objects.exists()
    assert not storage.exists(name)


def test_support_access_in_the_admin_is_off_by_default(client, world, settings):
    assert settings.DOSSIER_SUPPORT_ACCESS is False
    assert register_support_viewset() == []
    client.force_login(world.users["superuser"])

    assert client.get("/admin/dossiers_support/").status_code == 404
    assert "Dijkversterking" not in client.get("/admin/").content.decode()


def test_support_access_when_turned_on_is_read_only_and_logged(rf, world):
    policy = SupportPermissionPolicy(Dossier)
    assert policy.user_has_permission(world.users["superuser"], "view")
    assert not policy.user_has_permission(world.users["superuser"], "change")
    assert not policy.user_has_permission(world.users["board_member"], "view")
    viewset = DossierSupportViewSet("dossiers_support")
    request = rf.get("/")
    request.user = world.users["superuser"]
    kwargs = {**viewset.get_common_view_kwargs(), **viewset.get_inspect_view_kwargs()}
    view = viewset.inspect_view_class(**kwargs)
    view.setup(request, pk=world.dossier.pk)

    assert view.object == world.dossier  # setup() fetched it once
    assert ModelLogEntry.objects.filter(action="dossiers.support_view").count() == 1
    assert world.dossier.accesses.get().action == "support"


def test_the_owner_sees_a_support_opening_on_their_access_log(client, rf, world):
    request = rf.get("/")
    request.user = world.users["superuser"]
    viewset = DossierSupportViewSet("dossiers_support")
    kwargs = {**viewset.get_common_view_kwargs(), **viewset.get_inspect_view_kwargs()}
    log_page = f"/mijn-dossier/{world.dossier.pk}/inzage/"
    client.force_login(world.users["owner"])
    assert "ondersteuning (beheer)" not in client.get(log_page).content.decode()

    viewset.inspect_view_class(**kwargs).setup(request, pk=world.dossier.pk)

    assert "ondersteuning (beheer)" in client.get(log_page).content.decode()
