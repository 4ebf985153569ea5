"""Absolute links (e-mails, calendars, the API) name the portal's real address: the Site's
host and port, which provisioning takes from the setting BASE_URL and load_demo from the
address `make run` serves on. A link without the port (http://localhost/…) is a dead link."""

import re

from django.core import mail
from django.core.management import call_command

import pytest
from icalendar import Calendar

from events.factories import EventPageFactory
from events.models import EventIndexPage, Registration
from events.tasks import send_registration_mail
from kernen.provisioning import move_site, provision_municipality, site_address

pytestmark = pytest.mark.django_db

SERVED = "http://127.0.0.1:8000"


def test_the_address_of_a_url_is_what_a_site_stores():
    assert site_address("http://127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert site_address("https://westbetuwe.kernenportaal.nl/") == (
        "westbetuwe.kernenportaal.nl",
        443,
    )
    assert site_address("http://localhost") == ("localhost", 80)
    with pytest.raises(ValueError):
        site_address("127.0.0.1:8000")


def test_a_new_municipality_is_served_on_base_url(settings):
    settings.BASE_URL = "https://westbetuwe.kernenportaal.nl"
    home, _report = provision_municipality("West Betuwe", is_default_site=True)

    assert home.get_site().root_url == "https://westbetuwe.kernenportaal.nl"
    assert home.get_full_url() == "https://westbetuwe.kernenportaal.nl/"


def test_provision_municipality_takes_its_address_from_base_url(settings):
    settings.BASE_URL = "http://127.0.0.1:8101"
    call_command("provision_municipality", "West Betuwe", "--default", stdout=None)

    from home.models import HomePage

    assert HomePage.objects.get().get_site().root_url == "http://127.0.0.1:8101"


def test_moving_a_site_keeps_an_address_another_site_has(municipality):
    other, _report = provision_municipality("Zaltbommel", hostname="zaltbommel.localhost")

    assert move_site(municipality.get_site(), "http://127.0.0.1:8101")
    assert municipality.get_site().root_url == "http://127.0.0.1:8101"
    assert not move_site(municipality.get_site(), "http://zaltbommel.localhost")
    assert municipality.get_site().root_url == "http://127.0.0.1:8101"


@pytest.fixture
def served_event(municipality, beesd):
    """An activity in Beesd, on a portal served at 127.0.0.1:8000 (as `make run` does)."""
    move_site(municipality.get_site(), SERVED)
    return EventPageFactory(
        parent=EventIndexPage.objects.child_of(beesd).get(),
        title="Burendag",
        slug="burendag",
        registration_enabled=True,
    )


def test_an_e_mail_links_to_the_address_with_its_port(served_event):
    registration = Registration.objects.create(
        event=served_event, name="Jan", email="jan@example.nl", status="confirmed"
    )

    send_registration_mail.call(registration.pk, "confirmed")

    (message,) = mail.outbox
    links = re.findall(r"https?://\S+", message.body)
    assert f"{SERVED}/beesd/activiteiten/burendag/" in links
    cancel = [link for link in links if "/afmelden/" in link]
    assert cancel and cancel[0].startswith(f"{SERVED}/beesd/activiteiten/burendag/afmelden/")
    assert not [link for link in links if link.startswith("http://localhost/")]


def test_a_calendar_links_to_the_address_with_its_port(client, served_event):
    calendar = Calendar.from_ical(client.get("/beesd/agenda.ics").content)

    (event,) = calendar.walk("VEVENT")
    assert str(event["url"]) == f"{SERVED}/beesd/activiteiten/burendag/"


def test_the_api_links_to_the_address_with_its_port(client, served_event):
    response = client.get("/api/v2/pages/", {"type": "events.EventPage"})

    (item,) = response.json()["items"]
    assert item["meta"]["html_url"] == f"{SERVED}/beesd/activiteiten/burendag/"
