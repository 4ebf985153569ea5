"""The klankbordgroep: a form page from Wagtail's form builder, safe against bots."""

import re

from django.core import mail
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import FormPage, HomePage

pytestmark = pytest.mark.django_db

#: SQL queries of the form page, pinned; the same with 3 or 13 fields.
FORM_PAGE_QUERIES = 4

VALID = {"naam": "Jan Jansen", "e_mailadres": "jan@example.nl", "wil_je_nog_iets_kwijt": "Hoi"}


class FormPageTreeTest(WagtailPageTestCase):
    def test_a_form_page_sits_under_the_municipality_home_page(self):
        self.assertAllowedParentPageTypes(FormPage, {HomePage})
        self.assertAllowedSubpageTypes(FormPage, set())
        self.assertCanNotCreateAt(Page, FormPage)


def test_form_page_shows_the_fields_composed_in_the_admin(client, form_page):
    response = client.get("/klankbordgroep/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Klankbordgroep</h1>" in html
    assert '<label for="id_naam">Naam <span class="required">(verplicht)</span></label>' in html
    assert 'type="email" name="e_mailadres"' in html
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert ">Versturen</button>" in html


def test_a_submission_is_stored_emailed_and_thanked(
    client, form_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/klankbordgroep/", VALID)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Bedankt</h1>" in html
    assert "Bedankt voor je aanmelding!" in html
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.form_data == VALID  # without the honeypot
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["communicatie@westbetuwe.example"]
    assert message.subject == "Nieuwe aanmelding klankbordgroep"
    assert "Naam: Jan Jansen" in message.body
    assert "E-mailadres: jan@example.nl" in message.body


def test_without_an_address_nothing_is_emailed_but_it_is_stored(
    client, make_form_page, django_capture_on_commit_callbacks
):
    make_form_page(to_address="")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/klankbordgroep/", VALID)

    assert FormSubmission.objects.count() == 1
    assert mail.outbox == []


def test_a_filled_honeypot_stores_nothing(client, form_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/klankbordgroep/", {**VALID, "website": "http://spam.example"})

    assert response.status_code == 400
    assert "Je bericht is niet verstuurd. Probeer het nog een keer." in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_invalid_input_gets_dutch_errors_next_to_the_fields_and_keeps_the_input(client, form_page):
    response = client.post(
        "/klankbordgroep/",
        {"naam": "", "e_mailadres": "geen-adres", "wil_je_nog_iets_kwijt": "Mijn verhaal"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Niet alles is goed ingevuld." in html
    assert '<p class="form-field__error" id="id_naam_error">Dit is een verplicht veld.</p>' in html
    assert "Voer een geldig e-mailadres in." in html
    naam = re.search(r'<input[^>]*name="naam"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in naam
    assert 'aria-describedby="id_naam_error"' in naam
    assert 'value="geen-adres"' in html
    assert "Mijn verhaal</textarea>" in html
    assert FormSubmission.objects.count() == 0


def test_rate_limit_per_address(client, form_page, settings):
    settings.FORM_RATE_LIMIT = 3

    statuses = [
        client.post("/klankbordgroep/", VALID, REMOTE_ADDR="192.0.2.1").status_code
        for _attempt in range(4)
    ]
    other = client.post("/klankbordgroep/", VALID, REMOTE_ADDR="192.0.2.2")

    assert statuses == [200, 200, 200, 429]
    assert other.status_code == 200
    assert FormSubmission.objects.count() == 4
    refused = client.post("/klankbordgroep/", VALID, REMOTE_ADDR="192.0.2.1")
    html = refused.content.decode()
    assert "Je hebt dit formulier te vaak verstuurd." in html
    assert 'value="Jan Jansen"' in html  # what they typed is not lost


def test_rate_limit_behind_a_trusted_proxy_uses_the_forwarded_address(client, form_page, settings):
    settings.FORM_RATE_LIMIT = 1
    settings.TRUST_X_FORWARDED_FOR = True

    first = client.post("/klankbordgroep/", VALID, HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = client.post("/klankbordgroep/", VALID, HTTP_X_FORWARDED_FOR="198.51.100.2")
    again = client.post("/klankbordgroep/", VALID, HTTP_X_FORWARDED_FOR="spoof, 198.51.100.1")

    assert (first.status_code, second.status_code, again.status_code) == (200, 200, 429)


def test_submissions_are_listed_and_exported_in_the_admin(client, form_page, make_user):
    client.post("/klankbordgroep/", VALID)
    admin = make_user("beheer", is_superuser=True, is_staff=True)
    client.force_login(admin)

    listing = client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]))
    export = client.get(
        reverse("wagtailforms:list_submissions", args=[form_page.pk]), {"export": "csv"}
    )

    assert listing.status_code == 200
    assert "Jan Jansen" in listing.content.decode()
    assert export.status_code == 200
    csv_text = b"".join(export.streaming_content).decode()
    assert "Jan Jansen" in csv_text and "jan@example.nl" in csv_text


def test_kern_editors_cannot_see_the_submissions(client, form_page, beesd_editor):
    client.post("/klankbordgroep/", VALID)
    client.force_login(beesd_editor)

    response = client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]))

    assert response.status_code in (302, 403)
    assert "Jan Jansen" not in response.content.decode()


def test_form_page_queries_do_not_grow_with_fields(client, make_form_page, count_queries):
    page = make_form_page()
    _response, few = count_queries(client, "/klankbordgroep/")
    page.delete()
    make_form_page(extra_fields=10)
    response, many = count_queries(client, "/klankbordgroep/")

    assert response.content.decode().count('class="form-field') == 13
    assert few == many
    assert many == FORM_PAGE_QUERIES


def test_a_form_field_cannot_take_the_honeypot_name(form_page):
    from django.core.exceptions import ValidationError

    from home.models import FormField

    with pytest.raises(ValidationError) as refused:
        FormField(page=form_page, label="Website", field_type="singleline").clean()

    assert "label" in refused.value.message_dict
    FormField(page=form_page, label="Je website", field_type="singleline").clean()
