"""The app's part of the demo: businesses in the pilot kernen, once."""

import pytest

from businesses.demo import load_businesses_demo
from businesses.models import BusinessPage

pytestmark = pytest.mark.django_db


def test_demo_fills_the_pilot_kernen_once(client, municipality, kern_beesd, kern_heukelum):
    load_businesses_demo(municipality)
    load_businesses_demo(municipality)

    assert (
        BusinessPage.objects.child_of(kern_beesd.get_children().get(slug="bedrijven")).count() == 5
    )
    assert BusinessPage.objects.live().count() == 7
    html = client.get("/beesd/").content.decode()
    assert "Bakkerij Van Rossum" in html and "Bloemenkiosk Beesd" not in html
    assert (
        client.get("/bedrijven/?kern=heukelum").content.decode().count("business-list__item") == 3
    )
