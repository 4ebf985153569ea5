"""A kern's redactie edit their kern in the admin, but not its board's private area."""

from wagtail.models import Page, PageViewRestriction

import pytest

from members.models import BoardAreaPage
from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def board_area(beesd):
    return BoardAreaPage.objects.child_of(beesd).get()


@pytest.fixture
def admin_user(make_user):
    return make_user("beheerder", is_superuser=True, is_staff=True)


def test_kern_editors_have_no_rights_on_their_board_area(beesd_editor, board_area, beesd):
    rights = board_area.permissions_for_user(beesd_editor)
    assert not rights.can_edit()
    assert not rights.can_publish()
    assert not rights.can_unpublish()
    assert not rights.can_delete()
    assert not rights.can_move()
    assert not rights.can_set_view_restrictions()
    # The rest of their kern stays theirs.
    news = NewsIndexPage.objects.child_of(beesd).get()
    assert news.permissions_for_user(beesd_editor).can_edit()
    assert beesd.permissions_for_user(beesd_editor).can_edit()


def test_the_generic_page_answers_the_same(beesd_editor, board_area):
    """The explorer works on plain Page objects; Wagtail asks the board area itself."""
    plain = Page.objects.get(pk=board_area.pk)
    assert not plain.permissions_for_user(beesd_editor).can_edit()


def test_admins_keep_every_right_on_board_areas(admin_user, board_area):
    rights = board_area.permissions_for_user(admin_user)
    assert rights.can_edit()
    assert rights.can_unpublish()
    assert rights.can_set_view_restrictions()


def test_a_kern_editor_cannot_open_edit_unpublish_or_delete_the_board_area(
    client, beesd_editor, board_area
):
    client.force_login(beesd_editor)
    base = f"/admin/pages/{board_area.pk}"
    for url in (f"{base}/edit/", f"{base}/unpublish/", f"{base}/delete/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert f"/pages/{board_area.pk}/" not in response["Location"], url

    client.post(f"{base}/delete/")
    client.post(f"{base}/unpublish/")
    board_area.refresh_from_db()
    assert board_area.live
    assert PageViewRestriction.objects.filter(page=board_area).exists()


def test_an_admin_opens_the_board_area_in_the_editor(client, admin_user, board_area):
    client.force_login(admin_user)
    assert client.get(f"/admin/pages/{board_area.pk}/edit/").status_code == 200


def test_a_kern_editor_cannot_lift_the_board_areas_privacy(client, beesd_editor, board_area):
    client.force_login(beesd_editor)
    response = client.post(f"/admin/pages/{board_area.pk}/privacy/", {"restriction_type": "none"})
    assert response.status_code in (302, 403)
    assert PageViewRestriction.objects.filter(page=board_area).exists()
