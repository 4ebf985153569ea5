"""Open data: every public action point as CSV and JSON, and Wagtail's API v2; never personal
data, never drafts or restricted pages."""

import csv
import io

from wagtail.models import PageViewRestriction

import pytest

from agenda.models import SignUp

pytestmark = pytest.mark.django_db


@pytest.fixture
def points(beesd, asperen, make_point):
    joint = make_point(
        beesd,
        "Samen een buurtbus",
        theme="verkeer-en-veiligheid",
        joint_kernen=[asperen],
        budget_requested=15000,
        budget_granted=5000,
        budget_source="leefbaarheidsbudget",
        carrier_name="Werkgroep Geheim",
        carrier_email="trekker@example.nl",
    )
    own = make_point(asperen, "Speelbos")
    draft = make_point(beesd, "Conceptpunt")
    draft.unpublish()
    private = make_point(beesd, "Besloten punt")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    SignUp.objects.create(
        action_point=joint, name="Sanne de Boer", email="sanne@example.nl", kern=beesd,
        contribution="Rijden", consent=True,
    )  # fmt: skip
    return {"joint": joint, "own": own}


PERSONAL = ("Sanne de Boer", "sanne@example.nl", "trekker@example.nl", "Werkgroep Geheim")


def test_csv_holds_every_public_point_and_no_personal_data(client, points):
    response = client.get("/kernagendas/actiepunten.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["title"] for row in rows} == {"Samen een buurtbus", "Speelbos"}
    bus = next(row for row in rows if row["title"] == "Samen een buurtbus")
    assert bus["kern"] == "Beesd"
    assert bus["joint_kernen"] == "Asperen"
    assert bus["theme"] == "Verkeer en veiligheid"
    assert bus["status"] == "idee"
    assert bus["budget_requested"] == "15000.00"
    assert bus["budget_granted"] == "5000.00"
    assert bus["budget_source"] == "leefbaarheidsbudget"
    assert bus["url"] == f"http://testserver{points['joint'].url}"
    for personal in PERSONAL:
        assert personal not in text


def test_json_holds_every_public_point_and_no_personal_data(client, points):
    response = client.get("/kernagendas/actiepunten.json")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    titles = {point["title"] for point in data["action_points"]}
    assert titles == {"Samen een buurtbus", "Speelbos"}
    bus = next(point for point in data["action_points"] if point["title"] == "Samen een buurtbus")
    assert bus["joint_kernen"] == ["Asperen"]
    assert bus["kern"] == "Beesd"
    for personal in PERSONAL:
        assert personal not in response.content.decode()


def test_api_v2_serves_live_public_pages_only(client, points):
    response = client.get(
        "/api/v2/pages/?type=agenda.ActionPointPage&fields=summary,status,theme_name,kern_name"
    )

    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["title"] for item in items} == {"Samen een buurtbus", "Speelbos"}
    bus = next(item for item in items if item["title"] == "Samen een buurtbus")
    assert bus["status"] == "idee"
    assert bus["kern_name"] == "Beesd"
    assert bus["theme_name"] == "Verkeer en veiligheid"
    text = response.content.decode()
    for personal in PERSONAL:
        assert personal not in text


def test_api_v2_refuses_unknown_fields_with_400(client, points):
    response = client.get("/api/v2/pages/?type=agenda.ActionPointPage&fields=carrier_email")

    assert response.status_code == 400
