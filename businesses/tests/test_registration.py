"""A business registers itself: confirmation by e-mail, review by the kern's redactie, and
every kind of bad input refused in Dutch with nothing stored."""

import io
import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from PIL import Image

from businesses.models import BusinessPage
from privacy.models import EmailLink

pytestmark = pytest.mark.django_db

REGISTER_URL = "/beesd/bedrijven/aanmelden/"


def business_data(**overrides):
    data = {
        "name": "Fietsenmaker De Linge",
        "kind": "vakman",
        "summary": "Reparatie en verkoop van fietsen.",
        "address": "Molenstraat 3, Beesd",
        "latitude": "51.8885",
        "longitude": "5.1930",
        "opening_hours": "ma–vr 9:00–18:00",
        "url": "https://fietsenmaker.example",
        "email": "info@fietsenmaker.example",
    }
    data.update(overrides)
    return data


def png(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, "PNG")
    return buffer.getvalue()


def link_in(message) -> str:
    return re.search(r"http://\S+", message.body).group(0).replace("http://testserver", "")


@pytest.fixture
def editors(make_user, kern_beesd, kern_heukelum):
    return (
        make_user("redactie-beesd", kern_beesd.editors_group),
        make_user("redactie-heukelum", kern_heukelum.editors_group),
    )


def register_and_confirm(client, **overrides):
    client.post(REGISTER_URL, business_data(**overrides))
    client.get(link_in(mail.outbox[-1]))
    return BusinessPage.objects.get(title=overrides.get("name", "Fietsenmaker De Linge"))


def test_registration_sends_a_confirmation_mail_and_shows_nothing(client, kern_beesd):
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")

    response = client.post(REGISTER_URL, {**business_data(), "logo": logo})

    assert response.status_code == 200
    assert "Check je e-mail" in response.content.decode()
    business = BusinessPage.objects.get()
    assert not business.live and not business.email_confirmed
    assert business.logo is not None and business.website == "https://fietsenmaker.example"
    assert mail.outbox[0].to == ["info@fietsenmaker.example"]
    assert "Bevestig de aanmelding van Fietsenmaker De Linge" in mail.outbox[0].subject
    assert "Fietsenmaker De Linge" not in client.get("/beesd/").content.decode()
    assert "Fietsenmaker De Linge" not in client.get("/bedrijven/").content.decode()


def test_confirming_puts_it_in_the_review_list_of_its_own_kern_only(client, kern_beesd, editors):
    beesd_editor, heukelum_editor = editors
    client.post(REGISTER_URL, business_data())
    client.force_login(beesd_editor)
    assert (
        "Fietsenmaker De Linge"
        not in client.get("/admin/bedrijven/ter-beoordeling/").content.decode()
    )
    client.logout()

    confirmed = client.get(link_in(mail.outbox[0]))
    again = client.get(link_in(mail.outbox[0]))

    assert confirmed.status_code == 200
    assert "je aanmelding is bevestigd" in confirmed.content.decode()
    assert again.status_code == 400  # a link works once
    assert BusinessPage.objects.get().email_confirmed
    client.force_login(beesd_editor)
    assert (
        "Fietsenmaker De Linge" in client.get("/admin/bedrijven/ter-beoordeling/").content.decode()
    )
    client.force_login(heukelum_editor)
    assert (
        "Fietsenmaker De Linge"
        not in client.get("/admin/bedrijven/ter-beoordeling/").content.decode()
    )


def test_confirming_mails_the_kerns_redactie_once_and_no_other_kern(
    client, kern_beesd, kern_heukelum, make_user
):
    make_user("redactie-beesd", kern_beesd.editors_group, email="redactie@beesd.example")
    make_user("eindredactie-beesd", kern_beesd.editors_group, email="eind@beesd.example")
    make_user("oud-beesd", kern_beesd.editors_group, email="oud@beesd.example", is_active=False)
    make_user("redactie-heukelum", kern_heukelum.editors_group, email="redactie@heukelum.example")
    client.post(REGISTER_URL, business_data())
    link = link_in(mail.outbox[0])
    assert len(mail.outbox) == 1  # registering alone tells the redactie nothing

    client.get(link)
    client.get(link)  # a second click neither confirms nor mails again

    to_redactie = mail.outbox[1:]
    assert sorted(message.to[0] for message in to_redactie) == [
        "eind@beesd.example",
        "redactie@beesd.example",
    ]
    assert all(len(message.to) == 1 for message in to_redactie)
    message = to_redactie[0]
    assert message.subject == (
        "Een bedrijf wacht op je beoordeling in Beesd: Fietsenmaker De Linge"
    )
    assert (
        "Fietsenmaker De Linge heeft zich aangemeld op de pagina van Beesd en het e-mailadres "
        "bevestigd." in message.body
    )
    assert "http://testserver/admin/bedrijven/ter-beoordeling/" in message.body
    assert "Je krijgt deze e-mail omdat je redacteur van de kern bent." in message.body


def test_a_made_up_confirmation_link_is_refused(client, kern_beesd):
    response = client.get("/beesd/bedrijven/bevestigen/verzonnen-token/")

    assert response.status_code == 400
    assert "Deze link werkt niet" in response.content.decode()


def publish_form(business):
    return nested_form_data(
        {
            "title": business.title,
            "slug": business.slug,
            "kind": business.kind,
            "summary": business.summary,
            "address": business.address,
            "latitude": str(business.latitude),
            "longitude": str(business.longitude),
            "opening_hours": business.opening_hours,
            "website": business.website,
            "logo": "",
            "contact_email": business.contact_email,
            "email_confirmed": "on",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_the_kerns_redactie_approves_and_another_kerns_may_not(client, kern_beesd, editors):
    beesd_editor, heukelum_editor = editors
    business = register_and_confirm(client)
    edit_url = f"/admin/pages/{business.pk}/edit/"

    client.force_login(heukelum_editor)
    refused = client.post(edit_url, publish_form(business))
    business.refresh_from_db()
    assert refused.status_code in (302, 403) and not business.live

    client.force_login(beesd_editor)
    approved = client.post(edit_url, publish_form(business))
    business.refresh_from_db()
    assert approved.status_code == 302, approved.content.decode()[:2000]
    assert business.live
    client.logout()
    assert "Fietsenmaker De Linge" in client.get("/beesd/").content.decode()
    assert (
        "Fietsenmaker De Linge"
        in client.get("/bedrijven/?kern=beesd&soort=vakman").content.decode()
    )
    assert client.get(business.get_url()).status_code == 200


def test_the_admin_refuses_a_place_outside_the_municipality(client, kern_beesd, editors):
    business = register_and_confirm(client)
    client.force_login(editors[0])
    form = publish_form(business)
    form["latitude"] = "52.370"  # Amsterdam

    response = client.post(f"/admin/pages/{business.pk}/edit/", form)

    assert response.status_code == 200
    assert "Deze plek ligt buiten de gemeente" in response.content.decode()
    business.refresh_from_db()
    assert not business.live


BAD_INPUT = [
    ({"latitude": "52.370", "longitude": "4.895"}, "Deze plek ligt buiten de gemeente"),
    ({"latitude": "51.888", "longitude": ""}, "Vul zowel de breedtegraad als de lengtegraad in"),
    ({"address": "", "latitude": "", "longitude": ""}, "Vul een adres in, of een plek op de kaart"),
    ({"url": "ftp://fietsenmaker.example"}, "begint met http:// of https://"),
    ({"url": "javascript:alert(1)"}, "begint met http:// of https://"),
    ({"name": "<b>Fietsen</b>"}, "Gebruik geen HTML in dit veld"),
    ({"summary": "Fietsen <script>alert(1)</script>"}, "Gebruik geen HTML in dit veld"),
    ({"address": "<a href=x>Molenstraat</a>"}, "Gebruik geen HTML in dit veld"),
    ({"opening_hours": "ma &amp; di"}, "Gebruik geen HTML in dit veld"),
    ({"kind": "casino"}, "Kies een soort uit de lijst."),
    ({"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
    ({"website": "http://spam.example"}, "Je bericht is niet verstuurd"),  # honeypot
]


@pytest.mark.parametrize(("overrides", "message"), BAD_INPUT)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    client, kern_beesd, overrides, message
):
    response = client.post(REGISTER_URL, business_data(**overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BusinessPage.objects.exists()
    assert not EmailLink.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * (1024 * 1024 + 1), "Dit bestand is te groot"),
        ("logo.png", b"gewoon tekst, geen afbeelding", "geen echt PNG-bestand"),
        (
            "logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
            "SVG-, HTML- en XML-bestanden",
        ),
        ("logo.pdf", b"%PDF-1.4 document", "Dit soort bestand kun je niet uploaden"),
    ],
)
def test_a_bad_logo_is_refused_in_dutch_and_nothing_is_stored(
    client, kern_beesd, name, content, message
):
    logo = SimpleUploadedFile(name, content)

    response = client.post(REGISTER_URL, {**business_data(), "logo": logo})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BusinessPage.objects.exists()
    assert mail.outbox == []


def test_a_flood_of_registrations_is_rate_limited(client, kern_beesd):
    statuses = [
        client.post(REGISTER_URL, business_data(name=f"Bedrijf {n}")).status_code for n in range(6)
    ]

    assert statuses == [200] * 5 + [429]
    assert (
        "Je hebt het formulier te vaak verstuurd"
        in client.post(REGISTER_URL, business_data(name="Nog een")).content.decode()
    )
    assert BusinessPage.objects.count() == 5


def test_the_form_speaks_english_and_polish(client, languages, kern_beesd):
    english = client.get("/en/beesd/bedrijven/aanmelden/")
    polish = client.post("/pl/beesd/bedrijven/aanmelden/", business_data(url="ftp://x.example"))

    assert english.status_code == 200
    assert "Name of the business" in english.content.decode()
    assert polish.status_code == 400
    assert "zaczyna się od http:// lub https://" in polish.content.decode()


def test_the_review_list_names_each_business_kern_in_the_same_queries_for_two_or_six(
    client, kern_beesd, editors, make_business, django_assert_max_num_queries
):
    client.force_login(editors[0])
    for number in range(2):
        make_business(
            kern_beesd, title=f"Wachtende winkel {number}", draft=True, email_confirmed=True
        )
    client.get("/admin/bedrijven/ter-beoordeling/")  # warm caches (menu, permissions)
    with django_assert_max_num_queries(100) as two:
        response = client.get("/admin/bedrijven/ter-beoordeling/")
    for number in range(2, 6):
        make_business(
            kern_beesd, title=f"Wachtende winkel {number}", draft=True, email_confirmed=True
        )
    with django_assert_max_num_queries(len(two.captured_queries)):
        six = client.get("/admin/bedrijven/ter-beoordeling/")

    assert response.status_code == 200
    page = six.content.decode()
    assert all(f"Wachtende winkel {number}" in page for number in range(6))
    assert page.count("<td>Beesd</td>") == 6
