"""Editors: who may add activities where, and who sees which registrations."""

import csv
import io

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data

import pytest

from events.models import EventIndexPage, EventPage, Registration
from events.registrations import register
from events.tests.conftest import event_fields

pytestmark = pytest.mark.django_db

REGISTRATIONS_URL = "/admin/registrations/"


def event_form(title="Burendag", slug="", **overrides):
    extra = {"registration_enabled": "on", "max_places": "10", "action-publish": "publish"}
    return nested_form_data(event_fields(title, slug, **{**extra, **overrides}))


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])


def test_beesd_editor_publishes_an_activity_under_beesd(client, beesd, beesd_editor):
    index = EventIndexPage.objects.child_of(beesd).get()
    client.force_login(beesd_editor)

    response = client.post(add_url(index), event_form(slug="burendag"))

    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.child_of(index).get()
    assert event.live
    assert event.registration_enabled and event.max_places == 10
    assert client.get(event.url).status_code == 200


def test_beesd_editor_may_not_add_an_activity_under_heukelum(client, beesd, heukelum, beesd_editor):
    index = EventIndexPage.objects.child_of(heukelum).get()
    client.force_login(beesd_editor)

    get = client.get(add_url(index))
    post = client.post(add_url(index), event_form(slug="overgenomen"))

    assert get.status_code in (302, 403)
    assert post.status_code in (302, 403)
    assert not EventPage.objects.exists()


def test_activity_section_rules(beesd, heukelum, municipality, beesd_editor):
    from wagtail.permission_policies.pages import PagePermissionPolicy

    policy = PagePermissionPolicy()
    index = EventIndexPage.objects.child_of(beesd).get()
    other = EventIndexPage.objects.child_of(heukelum).get()

    assert EventIndexPage.can_create_at(beesd) is False  # one per kern, it exists
    assert EventPage.can_create_at(index)
    assert not EventPage.can_create_at(beesd)
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert policy.user_has_permission_for_instance(beesd_editor, "add", index)
    assert not policy.user_has_permission_for_instance(beesd_editor, "add", other)


def test_an_invalid_activity_gets_dutch_errors_in_the_admin(client, beesd, beesd_editor):
    index = EventIndexPage.objects.child_of(beesd).get()
    client.force_login(beesd_editor)

    response = client.post(
        add_url(index),
        event_form(slug="fout", end="13-06-2031 15:00", registration_url="https://x.example"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Het einde mag niet voor het begin liggen." in html
    assert "Kies één: aanmelden op deze site, of een link naar een andere website." in html
    assert not EventPage.objects.exists()


# Registrations in the admin ----------------------------------------------------------------


@pytest.fixture
def two_kernen_with_registrations(beesd, heukelum, make_event):
    ours = make_event(beesd, "Workshop Beesd", registration_enabled=True, max_places=1)
    theirs = make_event(heukelum, "Rondleiding Heukelum", registration_enabled=True)
    register(ours, "Ans Beesd", "ans@voorbeeld.example")
    register(ours, "Bram Beesd", "bram@voorbeeld.example")  # waiting
    register(theirs, "Henk Heukelum", "henk@voorbeeld.example")
    return ours, theirs


def test_kern_editors_may_open_the_registrations(beesd):
    assert beesd.editors_group.permissions.filter(codename="view_registration").exists()
    assert not beesd.editors_group.permissions.filter(codename="change_registration").exists()


def test_beesd_editor_sees_beesd_registrations_and_not_heukelums(
    client, beesd_editor, two_kernen_with_registrations
):
    client.force_login(beesd_editor)

    response = client.get(REGISTRATIONS_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ans Beesd" in html and "Bram Beesd" in html
    assert "Henk Heukelum" not in html
    assert "Rondleiding Heukelum" not in html  # not even as a filter choice


def test_heukelum_editor_sees_only_heukelum(
    client, make_user, heukelum, two_kernen_with_registrations
):
    client.force_login(make_user("redactie-heukelum", heukelum.editors_group))

    html = client.get(REGISTRATIONS_URL).content.decode()

    assert "Henk Heukelum" in html
    assert "Ans Beesd" not in html


def test_registrations_export_as_csv_with_only_own_kern(
    client, beesd_editor, two_kernen_with_registrations
):
    ours, _theirs = two_kernen_with_registrations
    client.force_login(beesd_editor)

    response = client.get(REGISTRATIONS_URL, {"export": "csv", "event": ours.pk})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(row["Naam"], row["Status"]) for row in rows] == [
        ("Ans Beesd", "aangemeld"),
        ("Bram Beesd", "op de wachtlijst"),
    ]
    assert rows[0]["Activiteit"] == "Workshop Beesd"
    assert rows[0]["E-mail"] == "ans@voorbeeld.example"


def test_filtering_on_another_kerns_activity_shows_nothing_of_it(
    client, beesd_editor, two_kernen_with_registrations
):
    _ours, theirs = two_kernen_with_registrations
    client.force_login(beesd_editor)

    response = client.get(REGISTRATIONS_URL, {"export": "csv", "event": theirs.pk})

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Henk" not in body


def test_an_editor_may_not_change_or_delete_registrations(
    client, beesd_editor, two_kernen_with_registrations
):
    client.force_login(beesd_editor)
    registration = Registration.objects.get(name="Ans Beesd")

    edit = client.post(
        f"{REGISTRATIONS_URL}edit/{registration.pk}/",
        {"name": "Gewijzigd", "email": "x@voorbeeld.example", "status": "cancelled"},
    )
    delete = client.post(f"{REGISTRATIONS_URL}delete/{registration.pk}/")

    assert edit.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.name == "Ans Beesd"


def test_users_without_the_permission_see_no_registrations(
    client, make_user, two_kernen_with_registrations
):
    nobody = make_user("lezer")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)

    response = client.get(REGISTRATIONS_URL)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url != REGISTRATIONS_URL


def test_anonymous_visitor_is_sent_to_the_login(client, two_kernen_with_registrations):
    response = client.get(REGISTRATIONS_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_the_activity_edit_page_links_to_its_registrations(
    client, beesd_editor, two_kernen_with_registrations
):
    ours, _theirs = two_kernen_with_registrations
    client.force_login(beesd_editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).content.decode()

    assert f"{REGISTRATIONS_URL}?event={ours.pk}" in html
