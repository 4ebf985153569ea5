"""What other apps use: action_points_for_kern and create_action_point; the kern page panel;
the demo."""

import pytest

from agenda.constants import Status
from agenda.demo import load_agenda_demo
from agenda.models import ActionPointPage, KernagendaVersion, ProgressUpdate, Theme
from agenda.queries import action_points_for_kern
from agenda.services import create_action_point

pytestmark = pytest.mark.django_db


def test_action_points_for_kern_are_own_and_joint_live_points(beesd, asperen, heukelum, make_point):
    own = make_point(asperen, "Speelbos")
    joint = make_point(beesd, "Buurtbus", joint_kernen=[asperen, heukelum])
    make_point(beesd, "Alleen Beesd")
    make_point(asperen, "Concept").unpublish()

    assert set(action_points_for_kern(asperen)) == {own, joint}
    assert action_points_for_kern(asperen).count() == 2


def test_create_action_point_makes_a_draft_in_the_kernagenda(beesd):
    point = create_action_point(
        beesd,
        "Bankjes bij de kerk",
        "Het bestuur besloot om bankjes te vragen.",
        source_url="https://example.nl/vergadering/3/",
        source_label="Vergadering 3 maart",
    )

    point = ActionPointPage.objects.get(pk=point.pk)
    assert not point.live
    assert point.status == Status.IDEA
    assert point.kern == beesd
    assert point.get_parent().url == "/beesd/kernagenda/"
    assert point.source_label == "Vergadering 3 maart"
    assert point.get_latest_revision() is not None
    assert point.listing_summary == "Het bestuur besloot om bankjes te vragen."
    assert not action_points_for_kern(beesd).exists()


def test_listing_fields_of_a_published_point(beesd, make_point):
    point = make_point(beesd, summary="Kort verhaal.")

    assert point.listing_summary == "Kort verhaal."
    assert point.listing_date is not None


def test_saving_a_point_keeps_its_status_whatever_its_timeline_says(beesd, make_point):
    # The status field is the truth; only an update added in the editor sets it
    # (agenda/tests/test_admin.py).
    point = make_point(beesd, status=Status.DONE)
    point.updates.add(ProgressUpdate(text="Gestart", new_status=Status.IN_PROGRESS))
    point.save()

    assert ActionPointPage.objects.get(pk=point.pk).status == Status.DONE


def test_kern_page_shows_counts_per_status(client, beesd, asperen, make_point):
    make_point(beesd, status=Status.IDEA)
    make_point(beesd, status=Status.DONE)
    make_point(asperen, joint_kernen=[beesd], status=Status.DONE)

    html = client.get("/beesd/").content.decode()

    assert "Beesd werkt aan 3 actiepunten." in html
    assert 'href="/beesd/kernagenda/"' in html


def test_kern_page_without_action_points_shows_no_panel(client, beesd):
    assert "kernagenda-heading" not in client.get("/beesd/").content.decode()


def test_demo_fills_every_kernagenda_once(make_kern, municipality):
    for name in ("Beesd", "Asperen", "Heukelum", "Geldermalsen", "Tricht", "Deil"):
        make_kern(name)

    load_agenda_demo(municipality)
    first = ActionPointPage.objects.count()
    load_agenda_demo(municipality)

    assert ActionPointPage.objects.count() == first
    for kern_points in ActionPointPage.objects.values_list("kern", flat=True).distinct():
        number = ActionPointPage.objects.filter(kern=kern_points).count()
        assert 10 <= number <= 41
    assert set(ActionPointPage.objects.values_list("status", flat=True)) == set(Status.values)
    assert ActionPointPage.objects.values("theme").distinct().count() == Theme.objects.count()
    assert ActionPointPage.objects.filter(joint_kernen__isnull=False).distinct().count() >= 2
    assert ActionPointPage.objects.filter(joint_purchase=True).count() == 1
    assert ProgressUpdate.objects.count() > first
    assert KernagendaVersion.objects.filter(kernagenda__url_path__contains="/beesd/").count() == 2
