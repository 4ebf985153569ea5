"""The business's e-mail address (AVG): in "mijn gegevens" for that address only; deleting it
deletes a registration that is not public and takes the address out of a published business
(its page and revisions); unconfirmed registrations go after
``PRIVACY_BUSINESS_REGISTRATIONS_DAYS`` (docs/privacy.md)."""

import re
from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Revision

import pytest

from businesses.models import BusinessPage
from businesses.tests.test_registration import REGISTER_URL, business_data, png
from privacy.registry import purge

pytestmark = pytest.mark.django_db

ME, OTHER = "info@fietsenmaker.example", "bakker@voorbeeld.example"


@pytest.fixture
def published(kern_beesd, make_business):
    """A published business of ME with a draft change, and one of OTHER."""
    mine = make_business(kern_beesd, "Fietsenmaker De Linge", contact_email=ME)
    mine.save_revision().publish()
    mine.summary = "Nu ook e-bikes."
    mine.save_revision()
    make_business(kern_beesd, "Bakkerij Van Rossum", contact_email=OTHER)
    return BusinessPage.objects.get(pk=mine.pk)


def my_data_link(client, django_capture_on_commit_callbacks, email=ME) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mijn-gegevens/", {"email": email})
    return re.search(r"http://testserver(/mijn-gegevens/[^/\s]+/)", mail.outbox[-1].body)[1]


def revisions_holding(email) -> int:
    return sum(
        1
        for revision in Revision.objects.all()
        if (revision.content.get("contact_email") or "").lower() == email
    )


def test_the_download_holds_my_business_and_not_another(
    client, published, django_capture_on_commit_callbacks
):
    link = my_data_link(client, django_capture_on_commit_callbacks)

    page = client.get(link).content.decode()
    data = client.get(f"{link}mijn-gegevens.json").json()

    assert "Bedrijven die je aanmeldde" in page

    assert [item["business"] for item in data["businesses"]] == ["Fietsenmaker De Linge"]
    assert data["businesses"][0]["email"] == ME
    assert data["businesses"][0]["published"] is True
    assert OTHER not in str(data) and "Bakkerij" not in str(data)


def test_deleting_my_data_strips_the_address_from_a_published_business(
    client, published, django_capture_on_commit_callbacks
):
    assert revisions_holding(ME) >= 2  # the published one and the draft change
    link = my_data_link(client, django_capture_on_commit_callbacks)

    client.post(f"{link}verwijderen/")

    business = BusinessPage.objects.get(pk=published.pk)
    assert business.live and business.contact_email == ""
    assert revisions_holding(ME) == 0
    assert "Fietsenmaker De Linge" in client.get("/beesd/bedrijven/").content.decode()
    assert BusinessPage.objects.get(title="Bakkerij Van Rossum").contact_email == OTHER


def test_deleting_my_data_deletes_my_registration_that_is_not_public(
    client, kern_beesd, make_business, django_capture_on_commit_callbacks
):
    make_business(kern_beesd, "Bakkerij Van Rossum", contact_email=OTHER)
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    client.post(REGISTER_URL, {**business_data(), "logo": logo})
    assert get_image_model().objects.count() == 1
    link = my_data_link(client, django_capture_on_commit_callbacks)

    client.post(f"{link}verwijderen/")

    assert list(BusinessPage.objects.values_list("title", flat=True)) == ["Bakkerij Van Rossum"]
    assert revisions_holding(ME) == 0
    assert not get_image_model().objects.exists()


def test_unconfirmed_registrations_go_after_the_retention_period(client, kern_beesd, settings):
    settings.PRIVACY_BUSINESS_REGISTRATIONS_DAYS = 7
    client.post(REGISTER_URL, business_data(name="Oud"))
    client.post(REGISTER_URL, business_data(name="Nieuw"))
    client.post(REGISTER_URL, business_data(name="Bevestigd"))
    confirmed = BusinessPage.objects.get(title="Bevestigd")
    confirmed.email_confirmed = True
    confirmed.save()
    now = timezone.now()
    BusinessPage.objects.exclude(title="Nieuw").update(
        latest_revision_created_at=now - timedelta(days=8)
    )
    BusinessPage.objects.filter(title="Nieuw").update(
        latest_revision_created_at=now - timedelta(days=6)
    )

    counts = purge()

    assert counts["business_registrations"] == 1
    assert sorted(BusinessPage.objects.values_list("title", flat=True)) == ["Bevestigd", "Nieuw"]
