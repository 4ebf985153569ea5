"""A business changes or removes its entry through a link sent by e-mail."""

import re

from django.core import mail

import pytest

from businesses.models import BusinessPage

pytestmark = pytest.mark.django_db

PAGE_URL = "/beesd/bedrijven/bakkerij/"


@pytest.fixture
def bakery(kern_beesd, make_business):
    return make_business(
        kern_beesd, "Bakkerij Van Rossum", slug="bakkerij", contact_email="bakker@voorbeeld.example"
    )


def link_in(message) -> str:
    return re.search(r"http://\S+", message.body).group(0).replace("http://testserver", "")


def change_data(**overrides):
    data = {
        "name": "Bakkerij Van Rossum",
        "kind": "eten",
        "summary": "Nu ook glutenvrij brood.",
        "address": "Voorstraat 12, Beesd",
        "latitude": "",
        "longitude": "",
        "opening_hours": "di–za 7:30–17:00",
        "url": "",
    }
    return {**data, **overrides}


def test_only_the_business_address_gets_a_link_and_both_hear_the_same(client, bakery):
    stranger = client.post(PAGE_URL + "wijzigen/", {"email": "iemand@anders.example"})
    owner = client.post(PAGE_URL + "wijzigen/", {"email": "Bakker@voorbeeld.example"})

    assert stranger.status_code == owner.status_code == 200
    assert stranger.content.decode().count("Check je e-mail") == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bakker@voorbeeld.example"]


def test_a_change_waits_for_review_and_the_live_entry_stays(client, bakery):
    client.post(PAGE_URL + "wijzigen/", {"email": "bakker@voorbeeld.example"})
    link = link_in(mail.outbox[0])

    form = client.get(link)
    changed = client.post(link, change_data())
    reused = client.post(link, change_data(summary="Nog eens"))

    assert form.status_code == 200 and "Bakkerij Van Rossum" in form.content.decode()
    assert form["Cache-Control"].count("no-store") == 1
    assert changed.status_code == 200
    assert reused.status_code == 400
    bakery.refresh_from_db()
    assert bakery.live and bakery.has_unpublished_changes
    assert "glutenvrij" not in client.get(PAGE_URL).content.decode()
    assert "glutenvrij" in bakery.get_latest_revision_as_object().summary


def test_a_change_with_html_is_refused_in_dutch(client, bakery):
    client.post(PAGE_URL + "wijzigen/", {"email": "bakker@voorbeeld.example"})

    response = client.post(link_in(mail.outbox[0]), change_data(summary="<i>brood</i>"))

    assert response.status_code == 400
    assert "Gebruik geen HTML in dit veld" in response.content.decode()
    bakery.refresh_from_db()
    assert not bakery.has_unpublished_changes


def test_the_business_removes_its_entry(client, bakery):
    client.post(PAGE_URL + "wijzigen/", {"email": "bakker@voorbeeld.example"})

    response = client.post(link_in(mail.outbox[0]), {"remove": "1"})

    assert response.status_code == 302
    assert not BusinessPage.objects.filter(pk=bakery.pk).exists()
    assert client.get(PAGE_URL).status_code == 404
    assert "De vermelding is verwijderd." in client.get(response["Location"]).content.decode()


def test_a_link_for_another_business_is_refused(client, bakery, kern_beesd, make_business):
    make_business(kern_beesd, "Kapper", slug="kapper", contact_email="kapper@voorbeeld.example")
    client.post("/beesd/bedrijven/kapper/wijzigen/", {"email": "kapper@voorbeeld.example"})
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]

    response = client.post(f"{PAGE_URL}wijzigen/{token}/", {"remove": "1"})

    assert response.status_code == 400
    assert BusinessPage.objects.filter(pk=bakery.pk).exists()
