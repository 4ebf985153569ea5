"""The owner adds items and shares; bad input gets a Dutch message and a 400, and nothing is
stored; what residents type is shown as text."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from dossiers.factories import DossierFactory, jpeg_bytes
from dossiers.models import DossierItem, DossierShare
from home.factories import simple_pdf

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def owner_client(client, world):
    client.force_login(world.users["owner"])
    return client


def add_url(world):
    return f"/mijn-dossier/{world.dossier.pk}/toevoegen/"


def shares_url(world):
    return f"/mijn-dossier/{world.dossier.pk}/delen/"


def test_the_owner_adds_a_note_a_document_and_a_photo(owner_client, world):
    pdf = SimpleUploadedFile("brief.pdf", simple_pdf("Brief", ["Tekst"]))
    photo = SimpleUploadedFile("dijk.jpg", jpeg_bytes())

    for data in (
        {"kind": "note", "title": "Telefoon", "text": "Gebeld met het waterschap."},
        {"kind": "file", "title": "Brief", "file": pdf},
        {"kind": "photo", "title": "Dijk", "file": photo},
    ):
        assert owner_client.post(add_url(world), data).status_code == 302

    added = {item.title: item for item in world.dossier.items.all()}
    assert added["Brief"].content_type == "application/pdf"
    assert added["Dijk"].original_name == "dijk.jpg"
    response = owner_client.get(f"/mijn-dossier/{world.dossier.pk}/stukken/{added['Dijk'].pk}/")
    assert "Dijk" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "note", "title": "Leeg", "text": "  "}, "Schrijf je notitie."),
        ({"kind": "file", "title": "Geen bestand"}, "Kies een bestand."),
        (
            {"kind": "file", "title": "Pagina", "file": ("pagina.html", b"<html><script>")},
            "SVG-, HTML- en XML-bestanden",
        ),
        ({"kind": "file", "title": "Nep", "file": ("nep.pdf", b"niet echt")}, "geen echt PDF"),
        ({"kind": "photo", "title": "Pdf als foto", "file": ("brief.pdf", None)}, "PNG"),
        (
            {"kind": "file", "title": "Programma", "file": ("run.exe", b"MZ\x90\x00")},
            "kun je niet uploaden",
        ),
        ({"kind": "zip", "title": "Onbekend"}, "Selecteer een geldige keuze"),
        ({"kind": "note", "title": "x" * 201, "text": "Lang"}, "niet meer dan 200"),
    ],
)
def test_bad_items_are_refused_and_nothing_is_stored(owner_client, world, data, message):
    data = dict(data)
    if "file" in data:
        name, content = data["file"]
        data["file"] = SimpleUploadedFile(name, content or simple_pdf("Brief", ["Tekst"]))
    before = DossierItem.objects.count()

    response = owner_client.post(add_url(world), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert DossierItem.objects.count() == before


def test_an_oversized_file_is_refused(owner_client, world, settings):
    settings.DOSSIER_MAX_UPLOAD_SIZE = 1000
    pdf = SimpleUploadedFile("groot.pdf", simple_pdf("Groot", ["regel"] * 200))

    response = owner_client.post(add_url(world), {"kind": "file", "title": "Groot", "file": pdf})

    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert not DossierItem.objects.filter(title="Groot").exists()


def test_html_and_scripts_in_every_field_are_shown_as_text(owner_client, world):
    owner_client.post("/mijn-dossier/", {"title": SCRIPT, "description": SCRIPT})
    dossier = world.users["owner"].dossiers.get(title=SCRIPT)
    owner_client.post(
        f"/mijn-dossier/{dossier.pk}/toevoegen/", {"kind": "note", "title": SCRIPT, "text": SCRIPT}
    )
    item = dossier.items.get()

    pages = [
        owner_client.get("/mijn-dossier/"),
        owner_client.get(f"/mijn-dossier/{dossier.pk}/"),
        owner_client.get(f"/mijn-dossier/{dossier.pk}/stukken/{item.pk}/"),
    ]

    for page in pages:
        html = page.content.decode()
        assert "<script>alert" not in html
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
        assert "&lt;script&gt;" in html


def test_the_owner_shares_with_a_person_until_a_day_and_stops(owner_client, world):
    until = timezone.localdate() + timedelta(days=30)
    response = owner_client.post(
        shares_url(world),
        {"target": "user", "email": "BUURMAN@example.nl", "ends_on": until.isoformat()},
    )
    assert response.status_code == 302
    share = DossierShare.objects.get()
    assert (share.user, share.ends_on, share.item) == (world.users["other_resident"], until, None)

    response = owner_client.post(f"{shares_url(world)}{share.pk}/stoppen/", follow=True)

    share.refresh_from_db()
    assert share.revoked_at is not None
    assert "Je deelt niet meer" in response.content.decode()


def test_the_owner_shares_one_item_with_the_board(owner_client, world):
    data = {"target": "workspace", "workspace": world.board.pk, "item": world.letter.pk}

    assert owner_client.post(shares_url(world), data).status_code == 302
    assert DossierShare.objects.get().workspace == world.board


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"target": "user", "email": "onbekend@example.nl"},
            "Er is geen account met dit e-mailadres",
        ),
        ({"target": "user", "email": "bewoner@example.nl"}, "Dit is je eigen adres."),
        ({"target": "user", "email": "geen adres"}, "geldig e-mailadres"),
        ({"target": "user", "email": ""}, "Vul het e-mailadres van de persoon in."),
        ({"target": "workspace"}, "Kies een bestuur."),
        ({"target": "workspace", "workspace": 999999}, "Selecteer een geldige keuze"),
        ({"target": "organisation"}, "Kies een organisatie."),
        ({"target": "organisation", "organisation": 999999}, "Selecteer een geldige keuze"),
        ({"target": "elsewhere"}, "Selecteer een geldige keuze"),
        ({"target": "user", "email": "buurman@example.nl", "ends_on": "2020-01-01"}, "al voorbij"),
        ({"target": "user", "email": "buurman@example.nl", "ends_on": "morgen"}, "geldige datum"),
    ],
)
def test_bad_shares_are_refused_and_nothing_is_stored(owner_client, world, data, message):
    response = owner_client.post(shares_url(world), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DossierShare.objects.exists()


def test_an_item_of_another_dossier_cannot_be_shared(owner_client, world):
    other = DossierFactory(owner=world.users["other_resident"])
    foreign = other.items.create(kind="note", title="Van de buurman", text="Geheim")
    data = {"target": "user", "email": "buurman@example.nl", "item": foreign.pk}

    response = owner_client.post(shares_url(world), data)

    assert response.status_code == 400
    assert not DossierShare.objects.exists()


def test_the_dossier_list_takes_a_fixed_number_of_queries(
    owner_client, world, django_assert_num_queries
):
    # Session, user, the page's menu and footer, own dossiers, shared ones: 16, with one of
    # each as with five.
    for number in range(5):
        DossierFactory(owner=world.users["owner"], title=f"Dossier {number}")
        DossierFactory(title=f"Gedeeld {number}").shares.create(user=world.users["owner"])

    with django_assert_num_queries(16):
        response = owner_client.get("/mijn-dossier/")

    assert response.status_code == 200
    assert response.content.decode().count("Gedeeld ") == 5
