"""Admins see the subscribers and the counts per kern; kern editors do not. Nobody adds or
edits a subscriber by hand: addresses come in through the double opt-in only."""

import pytest

from subscriptions.constants import Kind
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/subscriptions/subscriber/"
PER_KERN_URL = "/admin/reports/aanmeldingen-per-kern/"


@pytest.fixture
def admin(make_user):
    return make_user("beheerder", is_staff=True, is_superuser=True)


@pytest.fixture
def subscribers(beesd, heukelum, make_subscriber):
    make_subscriber("jan@example.nl", [beesd], [Kind.NEWS])
    make_subscriber("piet@example.nl", [beesd, heukelum], [Kind.WORKS, Kind.NEWS])


def test_an_admin_sees_the_subscribers(client, admin, subscribers):
    client.force_login(admin)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "jan@example.nl" in html
    assert "Beesd, Heukelum" in html
    assert "Werkzaamheden, Nieuws" in html


def test_an_admin_sees_the_counts_per_kern(client, admin, subscribers, make_kern):
    make_kern("Tuil")
    client.force_login(admin)

    response = client.get(PER_KERN_URL)

    assert response.status_code == 200
    rows = {kern.title: kern.subscriber_count for kern in response.context["object_list"]}
    assert rows == {"Beesd": 2, "Heukelum": 1, "Tuil": 0}
    assert "Abonnees per kern" in response.content.decode()
    assert "Abonnees per kern" in client.get("/admin/").content.decode()


def test_an_admin_may_delete_but_not_add_or_edit(client, admin, subscribers):
    client.force_login(admin)
    jan = Subscriber.objects.get(email="jan@example.nl")

    assert client.get(LIST_URL + "add/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}edit/{jan.pk}/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}inspect/{jan.pk}/").status_code == 200
    assert client.post(f"{LIST_URL}delete/{jan.pk}/").status_code == 302
    assert not Subscriber.objects.filter(email="jan@example.nl").exists()


def test_a_kern_editor_sees_no_subscribers(client, beesd_editor, subscribers):
    client.force_login(beesd_editor)

    for url in (LIST_URL, PER_KERN_URL):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "jan@example.nl" not in response.content.decode()
    assert "Abonnees" not in client.get("/admin/").content.decode()
