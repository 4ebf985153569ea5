"""The demo's part of the kernen app: stories in every kern and the klankbordgroep form.
(Moderation in Heukelum is checked with the whole demo in tests/test_demo.py.)"""

from wagtail.contrib.forms.models import FormSubmission

import pytest

from home.models import FormPage
from kernen.inspiration_demo import load_inspiration_demo
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
