"""Kern editors ("<Kern> – redactie") work in their own kern only."""

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

import pytest

pytestmark = pytest.mark.django_db


def test_editor_may_add_edit_and_publish_in_own_kern_only(beesd, heukelum, beesd_editor):
    policy = PagePermissionPolicy()
    own = beesd.permissions_for_user(beesd_editor)
    other = heukelum.permissions_for_user(beesd_editor)

    assert policy.user_has_permission_for_instance(beesd_editor, "add", beesd)
    assert own.can_edit()
    assert own.can_publish()
    assert not policy.user_has_permission_for_instance(beesd_editor, "add", heukelum)
    assert not other.can_edit()
    assert not other.can_publish()


def test_editor_may_not_touch_the_municipality_home_page(municipality, beesd, beesd_editor):
    home = municipality.permissions_for_user(beesd_editor)

    assert not home.can_edit()
    assert not home.can_add_subpage()


def test_editor_opens_own_kern_in_the_admin_and_is_refused_elsewhere(
    client, beesd, heukelum, beesd_editor
):
    client.force_login(beesd_editor)

    own = client.get(reverse("wagtailadmin_pages:edit", args=[beesd.pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[heukelum.pk]))

    assert own.status_code == 200
    assert other.status_code in (302, 403)
    if other.status_code == 302:
        assert other.url != reverse("wagtailadmin_pages:edit", args=[heukelum.pk])


def test_editor_cannot_save_changes_to_another_kern(client, heukelum, beesd_editor):
    client.force_login(beesd_editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[heukelum.pk]),
        {"title": "Overgenomen", "slug": "heukelum", "intro": "Gewijzigd"},
    )

    assert response.status_code in (302, 403)
    heukelum.refresh_from_db()
    assert heukelum.title == "Heukelum"


def test_editor_explorer_starts_at_own_kern(client, beesd, heukelum, beesd_editor):
    client.force_login(beesd_editor)

    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Beesd" in html
    assert "Heukelum" not in html


def test_anonymous_visitor_is_sent_to_the_admin_login(client, beesd):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[beesd.pk]))

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url


def test_editor_may_upload_to_own_kern_collection_only(beesd, heukelum, beesd_editor):
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        collections = set(policy.collections_user_has_permission_for(beesd_editor, "add"))
        assert collections == {beesd.collection}
        assert heukelum.collection not in collections


def test_admin_is_in_dutch(client, beesd_editor, beesd):
    client.force_login(beesd_editor)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'lang="nl"' in html
    assert "Pagina's" in html
