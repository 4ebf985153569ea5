"""The demo's part of the kernen app: stories in every kern and the klankbordgroep form.
(Moderation in Heukelum is checked with the whole demo in tests/test_demo.py.)"""

import re

from wagtail.contrib.forms.models import FormSubmission

import pytest

from home.models import FormPage
from kernen.inspiration_demo import KERN_QUESTION, load_inspiration_demo
from kernen.models import InspirationGalleryImage, InspirationPage

pytestmark = pytest.mark.django_db


def test_demo_step_fills_every_kern_once(client, municipality, beesd, heukelum, make_kern):
    kernen = [beesd, heukelum, make_kern("Asperen")]
    load_inspiration_demo(municipality)
    before = InspirationPage.objects.count()
    load_inspiration_demo(municipality)  # again: nothing is added

    assert InspirationPage.objects.count() == before
    for kern in kernen:
        stories = InspirationPage.objects.live().descendant_of(kern)
        assert 2 <= stories.count() <= 3, kern.title
        photo = InspirationGalleryImage.objects.filter(page__in=stories).first()
        assert photo.alt_text
        assert photo.image.collection == kern.collection

    story = InspirationPage.objects.descendant_of(beesd).first()
    html = client.get(story.url).content.decode()
    assert "Vergelijkbare initiatieven" in html
    assert "Nog geen andere kern heeft een verhaal" not in html

    form = FormPage.objects.get(slug="klankbordgroep")
    assert form.live and form.form_fields.count() >= 3
    assert FormPage.objects.count() == 1
    assert client.get("/klankbordgroep/").status_code == 200
    assert not FormSubmission.objects.exists()


def klankbordgroep_data(kern):
    return {
        "naam": "Sanne de Boer",
        "e_mailadres": "sanne@example.nl",
        "in_welke_kern_woon_je": kern,
    }


def test_the_klankbordgroep_asks_for_one_of_the_kernen(client, municipality, beesd, heukelum):
    load_inspiration_demo(municipality)

    html = client.get("/klankbordgroep/").content.decode()
    refused = client.post("/klankbordgroep/", klankbordgroep_data("Atlantis"))
    sent = client.post("/klankbordgroep/", klankbordgroep_data("Heukelum"))

    select = re.search(r"<select[^>]*>.*?</select>", html, re.S)[0]
    assert '<option value="Beesd">Beesd</option>' in select
    assert '<option value="Heukelum">Heukelum</option>' in select
    assert refused.status_code == 400
    assert "Selecteer een geldige keuze" in refused.content.decode()
    assert sent.status_code == 200
    assert [s.get_data()["in_welke_kern_woon_je"] for s in FormSubmission.objects.all()] == [
        "Heukelum"
    ]


def test_an_older_demo_form_gets_the_choice_of_kernen(municipality, beesd, heukelum):
    load_inspiration_demo(municipality)
    page = FormPage.objects.get(slug="klankbordgroep").get_latest_revision_as_object()
    for field in page.form_fields.all():
        if field.label == KERN_QUESTION:
            field.field_type, field.choices = "singleline", ""
    page.save_revision().publish()

    load_inspiration_demo(municipality)
    revisions = FormPage.objects.get(slug="klankbordgroep").revisions.count()
    load_inspiration_demo(municipality)  # again: nothing changes

    form = FormPage.objects.get(slug="klankbordgroep")
    question = form.form_fields.get(label=KERN_QUESTION)
    assert (question.field_type, question.choices) == ("dropdown", "Beesd\nHeukelum")
    assert form.revisions.count() == revisions
