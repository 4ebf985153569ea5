"""Doe mee: residents sign up without an account; joint purchases count who takes part."""

import re

from django.core import mail
from django.core.cache import cache

import pytest

from agenda.constants import SIGNUP_RATE_LIMIT
from agenda.models import Interest, SignUp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def signup_data(kern, **extra):
    return {
        "name": "Sanne de Boer",
        "email": "sanne@example.nl",
        "kern": kern.pk,
        "contribution": "Ik kan flyers rondbrengen.",
        "consent": "on",
        "website": "",
        **extra,
    }


def test_sign_up_is_stored_mailed_to_the_carrier_and_only_counted_in_public(
    client, beesd, make_point, django_capture_on_commit_callbacks
):
    point = make_point(beesd, "Bloemrijke bermen", carrier_email="groen@example.nl")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{point.url}doe-mee/", signup_data(beesd))

    assert response.status_code == 302
    assert response["Location"] == f"{point.url}?aangemeld=1#doe-mee"
    signup = SignUp.objects.get()
    assert (signup.action_point_id, signup.kern, signup.consent) == (point.pk, beesd, True)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["groen@example.nl"]
    assert message.subject == "Nieuwe aanmelding voor “Bloemrijke bermen”"
    assert "Sanne de Boer" in message.body and "flyers" in message.body

    html = client.get(f"{point.url}?aangemeld=1").content.decode()
    assert "1 inwoner heeft zich aangemeld om te helpen." in html
    assert "Dank je voor je aanmelding!" in html
    assert "Sanne de Boer" not in html
    assert "sanne@example.nl" not in html


def test_sign_up_without_carrier_email_goes_to_the_village_association(
    client, make_kern, make_point, django_capture_on_commit_callbacks
):
    kern = make_kern("Tuil", association_email="bestuur@tuil.example")
    point = make_point(kern)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{point.url}doe-mee/", signup_data(kern))

    assert mail.outbox[0].to == ["bestuur@tuil.example"]


def test_invalid_sign_up_gets_dutch_messages_next_to_fields_and_keeps_input(
    client, beesd, make_point
):
    point = make_point(beesd)

    response = client.post(
        f"{point.url}doe-mee/",
        signup_data(beesd, email="geen-adres", consent="", contribution=""),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl." in html
    assert "We hebben je toestemming nodig om je gegevens door te geven." in html
    assert "Vertel wat je kunt doen." in html
    assert 'value="Sanne de Boer"' in html
    assert 'value="geen-adres"' in html
    # The message sits with its field: between the label and the input, named by the input.
    email_input = re.search(r'<input[^>]*id="id_email"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in email_input
    assert 'aria-describedby="id_email_error"' in email_input
    label, message = html.index('for="id_email"'), html.index('id="id_email_error"')
    assert label < message < html.index(email_input)
    assert not SignUp.objects.exists()


def test_honeypot_stores_nothing_and_sends_nothing(client, beesd, make_point):
    point = make_point(beesd)

    response = client.post(f"{point.url}doe-mee/", signup_data(beesd, website="spam.example"))

    assert response.status_code == 400
    assert "Je bericht is niet verstuurd. Probeer het nog een keer." in response.content.decode()
    assert not SignUp.objects.exists()
    assert mail.outbox == []


def test_sign_ups_are_rate_limited_per_address(client, beesd, make_point):
    point = make_point(beesd)
    for _number in range(SIGNUP_RATE_LIMIT):
        assert client.post(f"{point.url}doe-mee/", signup_data(beesd)).status_code == 302

    response = client.post(f"{point.url}doe-mee/", signup_data(beesd))
    other_address = client.post(f"{point.url}doe-mee/", signup_data(beesd), REMOTE_ADDR="10.0.0.9")

    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw." in response.content.decode()
    assert other_address.status_code == 302
    assert SignUp.objects.count() == SIGNUP_RATE_LIMIT + 1


def test_get_on_the_sign_up_address_goes_back_to_the_point(client, beesd, make_point):
    point = make_point(beesd)
    assert client.get(f"{point.url}doe-mee/")["Location"] == point.url


def test_joint_purchase_counts_kernen_and_residents(client, beesd, asperen, heukelum, make_point):
    point = make_point(beesd, "Samen zonnepanelen inkopen", joint_purchase=True,
                       joint_kernen=[asperen])  # fmt: skip
    url = f"{point.url}ik-doe-mee/"
    base = {"name": "Jan", "email": "jan@example.nl", "website": ""}

    assert client.post(url, {**base, "kind": "inwoner"}).status_code == 302
    assert client.post(url, {**base, "kind": "kern", "kern": heukelum.pk}).status_code == 302
    missing_kern = client.post(url, {**base, "kind": "kern"})

    assert missing_kern.status_code == 400
    assert "Kies de kern die meedoet." in missing_kern.content.decode()
    assert Interest.objects.count() == 2
    html = client.get(point.url).content.decode()
    assert "3 kernen doen mee, en 1 inwoner." in html  # Beesd, Asperen, Heukelum


def test_the_interest_form_refuses_a_filled_honeypot(client, beesd, make_point):
    point = make_point(beesd, "Samen zonnepanelen inkopen", joint_purchase=True)
    url = f"{point.url}ik-doe-mee/"
    person = {"name": "Jan", "email": "jan@example.nl", "kind": "inwoner"}

    refused = client.post(url, {**person, "website": "spam.example"})

    assert refused.status_code == 400
    assert "Je bericht is niet verstuurd. Probeer het nog een keer." in refused.content.decode()
    assert not Interest.objects.exists()
    assert client.post(url, {**person, "website": ""}).status_code == 302
    assert Interest.objects.count() == 1


def test_points_without_joint_purchase_have_no_interest_form(client, beesd, make_point):
    point = make_point(beesd)

    assert "Samen inkopen" not in client.get(point.url).content.decode()
    response = client.post(f"{point.url}ik-doe-mee/", {"kind": "inwoner"})
    assert response.status_code == 302
    assert not Interest.objects.exists()
