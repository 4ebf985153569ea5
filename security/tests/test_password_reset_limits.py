""" "Forgot your password?" cannot flood a member's mailbox: a few e-mails an hour to one
address, a limit per visitor's address with a Dutch 429 page, and the same answer whether an
address has an account or not."""

from django.core import mail

import pytest

pytestmark = pytest.mark.django_db

DONE = "/wachtwoord-vergeten/verstuurd/"


def ask(client, email, address):
    return client.post("/wachtwoord-vergeten/", {"email": email}, REMOTE_ADDR=address)


def test_one_account_gets_a_few_reset_mails_an_hour_and_the_page_says_the_same(client, make_user):
    make_user("lid-beesd", email="lid@beesd.example")

    responses = [
        ask(client, "LID@beesd.example" if number % 2 else "lid@beesd.example", f"192.0.2.{number}")
        for number in range(1, 16)
    ]
    unknown = ask(client, "niemand@beesd.example", "192.0.2.99")

    for response in [*responses, unknown]:
        assert response.status_code == 302
        assert response.url == DONE
    assert len(mail.outbox) == 3
    assert {message.to[0].lower() for message in mail.outbox} == {"lid@beesd.example"}


def test_asking_too_often_from_one_address_gets_a_dutch_429(client, settings, make_user):
    settings.PASSWORD_RESET_RATE_LIMIT = 3
    make_user("lid-beesd", email="lid@beesd.example")
    for number in range(3):
        assert ask(client, f"iemand{number}@example.nl", "192.0.2.1").status_code == 302

    response = ask(client, "lid@beesd.example", "192.0.2.1")

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "Je hebt te vaak om een nieuw wachtwoord gevraagd" in html
    assert "lid@beesd.example" not in html
    assert mail.outbox == []
    # Someone else asks as usual.
    assert ask(client, "lid@beesd.example", "192.0.2.2").url == DONE
    assert len(mail.outbox) == 1
