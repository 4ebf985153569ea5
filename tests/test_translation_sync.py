"""Fields that are not text follow the Dutch page into its translations the moment it is
published (docs/i18n.md, ``home.locales.synchronise_translations``)."""

from datetime import timedelta

from django.utils import timezone

import pytest

from agenda.constants import Status
from agenda.factories import ActionPointPageFactory
from agenda.models import ActionPointPage, KernagendaPage
from events.models import EventIndexPage, EventPage
from home.locales import translate_page

pytestmark = pytest.mark.django_db


def test_a_translated_point_takes_the_new_status_and_dates_at_once(client, languages, beesd):
    point = ActionPointPageFactory(
        parent=KernagendaPage.objects.child_of(beesd).get(),
        kern=beesd,
        title="Bankje bij de kerk",
        slug="bankje",
        summary="Een bankje bij de kerk.",
        status=Status.IN_PROGRESS,
        published=True,
    )
    english = translate_page(
        point, "en", {"Bankje bij de kerk": "Bench by the church", "Een bankje bij de kerk.":
                      "A bench by the church."}
    )  # fmt: skip
    assert not english.alias_of_id
    target = timezone.localdate() + timedelta(days=30)

    point = ActionPointPage.objects.get(pk=point.pk)
    point.status = Status.DONE
    point.target_date = target
    point.save_revision().publish()

    english = ActionPointPage.objects.get(pk=english.pk)
    assert english.status == Status.DONE
    assert english.target_date == target
    assert english.title == "Bench by the church"
    html = client.get("/en/beesd/kernagenda/bankje/").content.decode()
    assert '<span class="agenda-status agenda-status--afgerond">Done</span>' in html
    assert "<h1>Bench by the church</h1>" in html
    assert "A bench by the church." in html


def test_a_translators_draft_keeps_its_text_and_takes_the_new_times(languages, beesd):
    start = timezone.now().replace(microsecond=0) + timedelta(days=3)
    activity = EventPage(
        title="Burendag", slug="burendag", start=start, end=start + timedelta(hours=2),
        location="Dorpshuis",
    )  # fmt: skip
    EventIndexPage.objects.child_of(beesd).get().add_child(instance=activity)
    activity.save_revision().publish()
    english = translate_page(activity, "en", {"Burendag": "Neighbours' day"})
    draft = english.get_latest_revision_as_object()
    draft.title = "Neighbours' day (draft)"
    draft.save_revision()

    activity = EventPage.objects.get(pk=activity.pk)
    activity.start += timedelta(days=1)
    activity.end += timedelta(days=1)
    activity.save_revision().publish()

    english = EventPage.objects.get(pk=english.pk)
    assert english.start == activity.start and english.title == "Neighbours' day"
    draft = english.get_latest_revision_as_object()
    assert draft.start == activity.start and draft.title == "Neighbours' day (draft)"
