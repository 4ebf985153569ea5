"""Who may do what with the kernagenda in the admin: both sides of every rule."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from agenda.constants import Status
from agenda.models import ActionPointPage, KernagendaVersion, SignUp, Theme
from agenda.provisioning import MUNICIPALITY_GROUP
from home.locales import ensure_languages, ensure_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def signups(beesd, asperen, make_point):
    beesd_point = make_point(beesd, "Bloemrijke bermen")
    asperen_point = make_point(asperen, "Speelbos")
    return {
        "beesd": SignUp.objects.create(
            action_point=beesd_point, name="Bea Beesd", email="bea@example.nl", kern=beesd,
            contribution="Zaaien", consent=True,
        ),
        "asperen": SignUp.objects.create(
            action_point=asperen_point, name="Aart Asperen", email="aart@example.nl",
            kern=asperen, contribution="Hutten bouwen", consent=True,
        ),
    }  # fmt: skip


@pytest.fixture
def municipality_user(make_user, municipality):
    return make_user("gemeente", Group.objects.get(name=MUNICIPALITY_GROUP))


def test_beesd_redactie_edits_beesd_points_and_not_asperens(
    client, beesd, asperen, beesd_editor, make_point
):
    own = make_point(beesd)
    other = make_point(asperen)
    client.force_login(beesd_editor)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert refused.status_code in (302, 403)
    assert own.permissions_for_user(beesd_editor).can_publish()
    assert not other.permissions_for_user(beesd_editor).can_edit()


def test_redactie_can_add_an_action_point_in_the_admin(client, beesd, beesd_editor, themes):
    from agenda.tests.conftest import kernagenda_of

    kernagenda = kernagenda_of(beesd)
    client.force_login(beesd_editor)
    url = reverse("wagtailadmin_pages:add", args=["agenda", "actionpointpage", kernagenda.pk])

    assert client.get(url).status_code == 200


def test_beesd_redactie_sees_and_exports_only_beesds_sign_ups(client, beesd_editor, signups):
    client.force_login(beesd_editor)

    listing = client.get(reverse("aanmeldingen:index"))
    export = client.get(reverse("aanmeldingen:index") + "?export=csv")

    assert listing.status_code == 200
    assert "Bea Beesd" in listing.content.decode()
    assert "Aart Asperen" not in listing.content.decode()
    exported = b"".join(export.streaming_content).decode() if export.streaming else ""
    assert "bea@example.nl" in exported
    assert "aart@example.nl" not in exported
    inspect = reverse("aanmeldingen:inspect", args=[signups["asperen"].pk])
    assert client.get(inspect).status_code in (302, 403, 404)
    own_inspect = reverse("aanmeldingen:inspect", args=[signups["beesd"].pk])
    assert client.get(own_inspect).status_code == 200


def test_beesd_redactie_cannot_open_history_of_or_delete_another_kerns_sign_up(
    client, beesd_editor, signups
):
    other = signups["asperen"]
    client.force_login(beesd_editor)

    for name in ("delete", "history", "inspect", "edit"):
        response = client.get(reverse(f"aanmeldingen:{name}", args=[other.pk]))
        assert response.status_code == 404, name
        assert "Aart Asperen" not in response.content.decode()
    deleting = client.post(reverse("aanmeldingen:delete", args=[other.pk]))

    assert deleting.status_code == 404
    assert SignUp.objects.filter(pk=other.pk).exists()
    own = client.post(reverse("aanmeldingen:delete", args=[signups["beesd"].pk]))
    assert own.status_code == 302
    assert not SignUp.objects.filter(pk=signups["beesd"].pk).exists()


def test_admin_sees_every_sign_up(admin_client, signups):
    html = admin_client.get(reverse("aanmeldingen:index")).content.decode()

    assert "Bea Beesd" in html and "Aart Asperen" in html


def test_users_without_a_kern_see_no_sign_ups(client, municipality_user, signups):
    client.force_login(municipality_user)

    assert client.get(reverse("aanmeldingen:index")).status_code in (302, 403)


def test_municipality_sees_points_past_their_review_date(
    client, beesd, make_point, municipality_user, beesd_editor
):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_point(beesd, "Te laat besproken", next_review_date=yesterday)
    make_point(beesd, "Al klaar", next_review_date=yesterday, status=Status.DONE)
    make_point(beesd, "Op tijd", next_review_date=yesterday + datetime.timedelta(days=30))
    url = reverse("agenda_overdue_reviews")

    client.force_login(municipality_user)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Te laat besproken" in html
    assert "Al klaar" not in html
    assert "Op tijd" not in html

    client.force_login(beesd_editor)
    assert client.get(url).status_code in (302, 403)


def test_municipality_keeps_the_list_of_themes_and_redactie_may_not(
    client, municipality_user, beesd_editor
):
    url = reverse("wagtailsnippets_agenda_theme:add")
    data = {"name": "Cultuur", "slug": "cultuur", "sort_order": 90}

    client.force_login(beesd_editor)
    assert client.post(url, data).status_code in (302, 403)
    assert not Theme.objects.filter(slug="cultuur").exists()

    client.force_login(municipality_user)
    assert client.post(url, data).status_code == 302
    assert Theme.objects.filter(slug="cultuur").exists()


def test_redactie_publishes_a_version_of_its_own_kernagenda_only(
    client, beesd, asperen, beesd_editor, make_point
):
    from agenda.tests.conftest import kernagenda_of

    make_point(beesd, "Bloemrijke bermen")
    own = reverse("agenda_publish_version", args=[kernagenda_of(beesd).pk])
    other = reverse("agenda_publish_version", args=[kernagenda_of(asperen).pk])
    client.force_login(beesd_editor)

    assert client.get(own).status_code == 200
    assert client.post(own, {"name": "Versie 2 – voorjaar 2026"}).status_code == 302
    assert client.post(other, {"name": "Versie 2"}).status_code in (302, 403)
    version = KernagendaVersion.objects.get()
    assert version.kernagenda.pk == kernagenda_of(beesd).pk
    assert [point["title"] for point in version.points] == ["Bloemrijke bermen"]


def test_admin_screens_render_with_the_kernagenda_entries(
    client, beesd, asperen, beesd_editor, municipality_user, make_point
):
    from agenda.tests.conftest import kernagenda_of

    make_point(beesd)
    client.force_login(beesd_editor)
    own = client.get(reverse("wagtailadmin_explore", args=[kernagenda_of(beesd).pk]))
    assert own.status_code == 200
    assert "Nieuwe versie publiceren" in own.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    client.force_login(municipality_user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Actiepunten over de bespreekdatum" in home
    themes = client.get(reverse("wagtailsnippets_agenda_theme:list"))
    assert themes.status_code == 200
    assert "Verkeer en veiligheid" in themes.content.decode()


def test_redactie_publishes_a_point_with_an_update_and_a_joint_kern_in_the_admin(
    client, beesd, asperen, beesd_editor, themes
):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    from agenda.models import ActionPointPage
    from agenda.tests.conftest import kernagenda_of

    client.force_login(beesd_editor)
    url = reverse("wagtailadmin_pages:add", args=["agenda", "actionpointpage",
                                                  kernagenda_of(beesd).pk])  # fmt: skip
    data = nested_form_data(
        {
            "title": "Samen een buurtbus",
            "slug": "samen-een-buurtbus",
            "summary": "Een bus voor de Linge-dorpen.",
            "theme": themes["verkeer-en-veiligheid"].pk,
            "status": "idee",
            "description": streamfield([("paragraph", rich_text("<p>Uitleg</p>"))]),
            "carrier_kind": "samen",
            "budget_requested": "1500",
            "budget_source": "kernenbudget",
            "updates": inline_formset(
                [{"date": "2026-03-01", "text": "Gestart", "new_status": "uitvoering"}]
            ),
            "action-publish": "publish",
        }
    )

    data["joint_kernen"] = [asperen.pk]  # a multiple choice, not a nested list

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    point = ActionPointPage.objects.get(slug="samen-een-buurtbus")
    assert point.live
    assert point.kern == beesd
    assert point.status == "uitvoering"
    assert list(point.joint_kernen.all()) == [asperen]
    assert "Samen een buurtbus" in client.get("/asperen/kernagenda/").content.decode()


def test_the_overdue_review_report_lists_each_point_once(
    client, beesd, make_point, municipality_user, settings
):
    settings.PROVISION_LANGUAGES = True
    ensure_languages()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    point = make_point(beesd, "Bankjes langs de Linge", next_review_date=yesterday)
    ensure_translations(point)
    assert ActionPointPage.objects.filter(title="Bankjes langs de Linge").count() == 3

    client.force_login(municipality_user)
    html = client.get(reverse("agenda_overdue_reviews")).content.decode()

    assert html.count("Bankjes langs de Linge") == 1
