"""The municipality's Communicatie manages its organisations and their members in the admin:
given by provisioning (idempotent), limited to its own municipality. The matrix of every view
and role is in tests/test_admin_access_matrix.py."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from kernen.provisioning import provision_municipality
from members.models import Organisation

pytestmark = pytest.mark.django_db

CODENAMES = {"view_organisation", "add_organisation", "change_organisation",
             "delete_organisation"}  # fmt: skip


def organisation_permissions(group):
    return set(
        group.permissions.filter(content_type__app_label="members").values_list(
            "codename", flat=True
        )
    )


@pytest.fixture
def comms(make_user, municipality):
    return make_user("communicatie", Group.objects.get(name="Communicatie"))


def edit_data(organisation, **extra):
    return {"home": organisation.home_id, "name": organisation.name, "slug": organisation.slug,
            "description": "", "email": "", "phone": "", "website": "", **extra}  # fmt: skip


def test_provisioning_gives_communicatie_the_organisations_once(municipality):
    group = Group.objects.get(name="Communicatie")
    assert organisation_permissions(group) == CODENAMES
    group.permissions.clear()  # an installation from before: provisioning again repairs it

    _home, report = provision_municipality("West Betuwe")
    again_home, again = provision_municipality("West Betuwe")

    assert organisation_permissions(group) == CODENAMES
    assert "organisation permissions for Communicatie" in report.created
    assert not any("organisation" in line for line in again.created)
    assert group.permissions.count() == len(set(group.permissions.values_list("pk", flat=True)))


def test_communicatie_sets_the_members_of_an_organisation(client, comms, municipality, make_user):
    organisation = Organisation.objects.create(home=municipality, name="Waterschap", slug="ws")
    wim, ans = make_user("wim"), make_user("ans")
    client.force_login(comms)
    url = reverse("organisation:edit", args=[organisation.pk])

    response = client.post(url, edit_data(organisation, members=[wim.pk, ans.pk]))

    assert response.status_code == 302
    assert organisation.is_member(wim) and organisation.is_member(ans)
    client.post(url, edit_data(organisation, members=[ans.pk]))
    assert not organisation.is_member(wim) and organisation.is_member(ans)


def test_communicatie_of_another_municipality_reaches_none_of_these(
    client, municipality, make_user
):
    organisation = Organisation.objects.create(home=municipality, name="Waterschap", slug="ws")
    zaltbommel, _report = provision_municipality("Zaltbommel", hostname="zaltbommel.localhost")
    other_group = Group.objects.get(name="Communicatie (Zaltbommel)")
    assert organisation_permissions(other_group) == CODENAMES
    client.force_login(make_user("communicatie-zaltbommel", other_group))
    edit = reverse("organisation:edit", args=[organisation.pk])

    assert client.get(edit).status_code == 404
    assert client.post(edit, edit_data(organisation, name="Overgenomen")).status_code == 404
    assert "Waterschap" not in client.get(reverse("organisation:index")).content.decode()
    # Nor can it add one to West Betuwe: its form offers only its own municipality.
    response = client.post(
        reverse("organisation:add"),
        edit_data(organisation, slug="nieuw", name="Nieuw", home=municipality.pk),
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Organisation.objects.filter(name="Nieuw").exists()
    assert Organisation.objects.get(pk=organisation.pk).name == "Waterschap"
    assert zaltbommel.pk != municipality.pk
