"""Editorial workflow: moderation per kern (admins switch it), scheduled publishing, history."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    GroupApprovalTask,
    PageLogEntry,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from kernen.models import InspirationIndexPage, InspirationPage, KernPage
from kernen.moderation import apply_moderation
from kernen.provisioning import provision_kern
from kernen.tests.conftest import story_form_data

pytestmark = pytest.mark.django_db


def kern_form_data(kern, **extra):
    """POST data of the admin's edit form of a kern page."""
    return nested_form_data(
        {
            "title": kern.title,
            "slug": kern.slug,
            "intro": kern.intro,
            "about": rich_text(kern.about or ""),
            "rollout_status": kern.rollout_status,
            "comments": inline_formset([]),
            "action-publish": "publish",
            **extra,
        }
    )


def fresh(user):
    """The user without the permissions Wagtail cached on the instance."""
    return get_user_model().objects.get(pk=user.pk)


def switch_moderation(kern, on=True):
    kern.moderation_enabled = on
    kern.save_revision().publish()
    return KernPage.objects.get(pk=kern.pk)


@pytest.fixture
def moderator(make_user, heukelum):
    return make_user("moderator-heukelum", heukelum.moderators_group)


@pytest.fixture
def heukelum_editor(make_user, heukelum):
    return make_user("redactie-heukelum", heukelum.editors_group)


def test_provisioning_creates_a_moderators_group_and_workflow_per_kern(beesd):
    assert beesd.moderators_group.name == "Beesd – moderatie"
    workflow = beesd.moderation_workflow
    assert workflow.name == "Beesd – moderatie"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.all()) == [beesd.moderators_group]
    # Off by default: no kern workflow, and the editors publish themselves.
    assert not WorkflowPage.objects.filter(page=beesd).exists()


def test_an_admin_switches_moderation_on_and_off(client, beesd, beesd_editor, make_user):
    admin = make_user("beheer", is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:edit", args=[beesd.pk])

    assert 'name="moderation_enabled"' in client.get(url).content.decode()
    response = client.post(url, kern_form_data(beesd, moderation_enabled="on"))

    assert response.status_code == 302
    beesd.refresh_from_db()
    assert beesd.moderation_enabled
    assert WorkflowPage.objects.get(page=beesd).workflow == beesd.moderation_workflow
    assert not beesd.permissions_for_user(fresh(beesd_editor)).can_publish()

    client.post(url, kern_form_data(beesd))  # checkbox left empty: off

    beesd.refresh_from_db()
    assert not beesd.moderation_enabled
    assert not WorkflowPage.objects.filter(page=beesd).exists()
    assert beesd.permissions_for_user(fresh(beesd_editor)).can_publish()


def test_kern_editors_cannot_switch_moderation(client, beesd, heukelum, beesd_editor):
    client.force_login(beesd_editor)
    url = reverse("wagtailadmin_pages:edit", args=[beesd.pk])

    assert 'name="moderation_enabled"' not in client.get(url).content.decode()
    response = client.post(url, kern_form_data(beesd, moderation_enabled="on"))

    assert response.status_code == 302  # their other changes are saved and published
    beesd.refresh_from_db()
    assert not beesd.moderation_enabled
    assert not WorkflowPage.objects.filter(page=beesd).exists()
    assert beesd.permissions_for_user(beesd_editor).can_publish()


def test_in_a_moderated_kern_editors_submit_and_the_moderator_publishes(
    client, heukelum, heukelum_editor, moderator
):
    heukelum = switch_moderation(heukelum)
    index = InspirationIndexPage.objects.child_of(heukelum).get()
    add_url = reverse("wagtailadmin_pages:add", args=["kernen", "inspirationpage", index.pk])
    client.force_login(heukelum_editor)

    client.post(add_url, story_form_data("Direct", "direct", **{"action-publish": "publish"}))
    client.post(add_url, story_form_data("Ter keuring", "ter-keuring", **{"action-submit": "1"}))

    direct = InspirationPage.objects.get(slug="direct")
    assert not direct.live  # publishing is not theirs: only a draft was saved
    story = InspirationPage.objects.get(slug="ter-keuring")
    assert not story.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == heukelum.moderation_workflow
    assert client.get("/heukelum/inspiratie/ter-keuring/").status_code == 404

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish", user=moderator)
    assert client.get("/heukelum/inspiratie/ter-keuring/").status_code == 200


def test_the_moderator_of_one_kern_cannot_approve_in_another(heukelum, beesd, moderator):
    assert heukelum.permissions_for_user(moderator).can_publish()
    assert not beesd.permissions_for_user(moderator).can_publish()
    assert not beesd.permissions_for_user(moderator).can_edit()


def test_provisioning_again_keeps_a_moderated_kern_moderated(
    municipality, heukelum, heukelum_editor
):
    heukelum = switch_moderation(heukelum)

    provision_kern(municipality, "Heukelum")

    assert not heukelum.permissions_for_user(heukelum_editor).can_publish()
    assert WorkflowPage.objects.filter(page=heukelum).exists()


def test_a_draft_of_the_setting_changes_nothing_until_published(heukelum, heukelum_editor):
    heukelum.moderation_enabled = True
    heukelum.save_revision()  # a draft, not published

    assert not WorkflowPage.objects.filter(page=heukelum).exists()
    assert heukelum.permissions_for_user(heukelum_editor).can_publish()
    apply_moderation(KernPage.objects.get(pk=heukelum.pk))
    assert not WorkflowPage.objects.filter(page=heukelum).exists()


@pytest.fixture
def scheduled_pages(beesd, make_story, make_form_page_in):
    return [make_story(beesd, "Gepland verhaal", publish=False), make_form_page_in()]


@pytest.fixture
def make_form_page_in(municipality):
    from home.models import FormPage

    def make():
        page = FormPage(title="Enquête", slug="enquete", live=False)
        municipality.add_child(instance=page)
        return page

    return make


def test_scheduled_pages_go_live_when_publish_scheduled_runs(client, scheduled_pages, monkeypatch):
    soon = timezone.now() + datetime.timedelta(hours=1)
    for page in scheduled_pages:
        page.go_live_at = soon
        page.save_revision().publish()  # scheduled, not live yet
        page.refresh_from_db()
        assert not page.live
        assert client.get(page.get_url()).status_code == 404

    later = soon + datetime.timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the cron job, an hour later
    call_command("publish_scheduled")
    monkeypatch.undo()

    for page in scheduled_pages:
        page.refresh_from_db()
        assert page.live
        assert client.get(page.get_url()).status_code == 200


def test_expired_pages_go_offline_when_publish_scheduled_runs(client, beesd, make_story):
    story = make_story(beesd, "Tijdelijk")
    assert client.get(story.get_url()).status_code == 200

    InspirationPage.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")

    story.refresh_from_db()
    assert not story.live
    assert story.expired
    assert client.get("/beesd/inspiratie/tijdelijk/").status_code == 404


def test_the_history_shows_who_published(client, beesd, beesd_editor):
    index = InspirationIndexPage.objects.child_of(beesd).get()
    client.force_login(beesd_editor)
    client.post(
        reverse("wagtailadmin_pages:add", args=["kernen", "inspirationpage", index.pk]),
        story_form_data("Gelogd", "gelogd", **{"action-publish": "publish"}),
    )
    story = InspirationPage.objects.get(slug="gelogd")

    entries = PageLogEntry.objects.filter(page=story)
    assert entries.filter(action="wagtail.create", user=beesd_editor).exists()
    assert entries.filter(action="wagtail.publish", user=beesd_editor).exists()
    history = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert history.status_code == 200
    assert "redactie-beesd" in history.content.decode()
