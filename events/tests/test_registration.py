"""Registering for an activity: places, the waiting list, cancel links and e-mail."""

import base64
import re

from django.core import mail, signing
from django.core.cache import cache

import pytest

from events.constants import RATE_LIMIT_COUNT, RegistrationStatus
from events.models import Registration
from events.registrations import AlreadyRegistered, RegistrationClosed, cancel, register
from events.tokens import make_cancel_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def workshop(beesd, make_event):
    return make_event(
        beesd, "Workshop moestuinieren", days=10, registration_enabled=True, max_places=2
    )


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A client whose requests run their on-commit callbacks (e-mail), as a real server does:
    the tests run inside a transaction that is never committed."""

    class CommittingClient:
        def __getattr__(self, name):
            method = getattr(client, name)
            if name not in ("get", "post"):
                return method

            def call(*args, **kwargs):
                with django_capture_on_commit_callbacks(execute=True):
                    return method(*args, **kwargs)

            return call

    return CommittingClient()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run ``function`` and the on-commit callbacks it queued."""

    def run(function, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args)

    return run


def post_registration(client, event, name="Ans de Groot", email="ans@voorbeeld.example", **extra):
    return client.post(
        f"{event.url}aanmelden/", {"name": name, "email": email, "website": "", **extra}
    )


def as_token(signed: str) -> str:
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def cancel_link(message) -> str:
    return re.search(r"http://localhost(/\S+/afmelden/\S+/)", message.body).group(1)


def test_a_resident_registers_and_gets_a_dutch_confirmation_with_a_cancel_link(client, workshop):
    response = post_registration(client, workshop)

    assert response.status_code == 302
    assert response.url == f"{workshop.url}aangemeld/"
    registration = Registration.objects.get()
    assert (registration.name, registration.email) == ("Ans de Groot", "ans@voorbeeld.example")
    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ans@voorbeeld.example"]
    assert message.subject == "Je bent aangemeld voor Workshop moestuinieren"
    assert "Hallo Ans de Groot," in message.body
    assert "Je bent aangemeld voor Workshop moestuinieren." in message.body
    assert "Dorpshuis Beesd" in message.body
    assert "<time" not in message.body  # plain text is plain
    assert "/afmelden/" in cancel_link(message)
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html and "Mijn aanmelding annuleren" in html
    follow = client.get(response.url)
    assert "Je bent aangemeld" in follow.content.decode()


def test_when_full_new_registrations_go_on_the_waiting_list(client, workshop):
    post_registration(client, workshop, "Ans", "ans@voorbeeld.example")
    post_registration(client, workshop, "Bram", "bram@voorbeeld.example")
    response = post_registration(client, workshop, "Carla", "carla@voorbeeld.example")

    assert response.url.endswith("aangemeld/?wachtlijst=1")
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Ans": "confirmed", "Bram": "confirmed", "Carla": "waiting"}
    assert mail.outbox[-1].subject == "Je staat op de wachtlijst voor Workshop moestuinieren"
    assert "Je staat op de wachtlijst" in client.get(response.url).content.decode()
    page = client.get(workshop.url).content.decode()
    assert "Deze activiteit is vol." in page


def test_the_waiting_list_moves_up_on_cancel_and_is_told_by_email(client, workshop):
    for name in ("Ans", "Bram", "Carla", "Dirk"):
        post_registration(client, workshop, name, f"{name.lower()}@voorbeeld.example")
    ans_mail = mail.outbox[0]
    mail.outbox.clear()

    link = cancel_link(ans_mail)
    confirm = client.get(link)
    assert confirm.status_code == 200
    assert "Wil je de aanmelding van Ans voor Workshop moestuinieren annuleren?" in (
        confirm.content.decode()
    )
    assert Registration.objects.get(name="Ans").status == "confirmed"  # GET changes nothing
    done = client.post(link)

    assert done.status_code == 200
    assert "is geannuleerd" in done.content.decode()
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Ans": "cancelled", "Bram": "confirmed", "Carla": "confirmed",
                        "Dirk": "waiting"}  # fmt: skip
    assert [message.to for message in mail.outbox] == [["carla@voorbeeld.example"]]
    assert mail.outbox[0].subject == (
        "Er is een plaats vrijgekomen voor je: Workshop moestuinieren"
    )
    assert "Je bent nu aangemeld voor Workshop moestuinieren." in mail.outbox[0].body
    again = client.post(link)
    assert "is al geannuleerd" in again.content.decode()
    assert Registration.objects.get(name="Dirk").status == "waiting"


def test_cancelling_a_waiting_registration_moves_nobody_up(workshop, committed):
    people = [register(workshop, name, f"{name}@voorbeeld.example") for name in "abcd"]

    _registration, promoted = committed(cancel, people[3].pk)

    assert promoted == []
    assert mail.outbox == []
    assert Registration.objects.get(pk=people[2].pk).status == "waiting"


def test_a_cancel_link_cancels_only_its_own_registration(client, workshop, beesd, make_event):
    ans = register(workshop, "Ans", "ans@voorbeeld.example")
    bram = register(workshop, "Bram", "bram@voorbeeld.example")
    other = make_event(beesd, "Andere activiteit", registration_enabled=True)
    carla = register(other, "Carla", "carla@voorbeeld.example")

    client.post(f"{workshop.url}afmelden/{make_cancel_token(ans)}/")
    # Carla's token, used on the workshop's page, is refused and cancels nothing.
    crossed = client.post(f"{workshop.url}afmelden/{make_cancel_token(carla)}/")

    assert crossed.status_code == 400
    assert Registration.objects.get(pk=ans.pk).status == "cancelled"
    assert Registration.objects.get(pk=bram.pk).status == "confirmed"
    assert Registration.objects.get(pk=carla.pk).status == "confirmed"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "nep",
        lambda token: as_token(signing.dumps([1, 1], salt="iets-anders")),
    ],
)
def test_a_tampered_cancel_token_is_refused_in_dutch(client, workshop, tamper):
    ans = register(workshop, "Ans", "ans@voorbeeld.example")
    token = tamper(make_cancel_token(ans))

    for method in (client.get, client.post):
        response = method(f"{workshop.url}afmelden/{token}/")
        assert response.status_code == 400
        assert "Deze afmeldlink klopt niet." in response.content.decode()
    assert Registration.objects.get(pk=ans.pk).status == "confirmed"


def test_a_token_for_another_registration_number_cannot_be_forged(client, workshop):
    ans = register(workshop, "Ans", "ans@voorbeeld.example")
    bram = register(workshop, "Bram", "bram@voorbeeld.example")
    signed = base64.urlsafe_b64decode(make_cancel_token(ans) + "==").decode()
    signature = signed.rpartition(":")[2]
    other = signing.dumps([bram.pk, workshop.pk], salt="events.registration.cancel")
    forged = as_token(other.rpartition(":")[0] + ":" + signature)

    response = client.post(f"{workshop.url}afmelden/{forged}/")

    assert response.status_code == 400
    assert Registration.objects.get(pk=bram.pk).status == "confirmed"


def test_a_cancel_link_of_a_deleted_registration_says_so(client, workshop):
    ans = register(workshop, "Ans", "ans@voorbeeld.example")
    token = make_cancel_token(ans)
    ans.delete()

    response = client.get(f"{workshop.url}afmelden/{token}/")

    assert response.status_code == 404
    assert "We kunnen deze aanmelding niet meer vinden." in response.content.decode()


def test_invalid_input_shows_dutch_errors_next_to_the_fields_and_keeps_what_was_typed(
    client, workshop
):
    response = post_registration(client, workshop, name="", email="ans@")

    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul je naam in." in html
    assert "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." in html
    assert 'value="ans@"' in html
    assert 'aria-invalid="true"' in html
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_registering_twice_with_one_address_is_refused(client, workshop):
    post_registration(client, workshop, "Ans", "ans@voorbeeld.example")
    response = post_registration(client, workshop, "Ans", "ANS@voorbeeld.example")

    assert response.status_code == 400
    assert "Dit e-mailadres is al aangemeld voor deze activiteit." in response.content.decode()
    assert Registration.objects.count() == 1
    with pytest.raises(AlreadyRegistered):
        register(workshop, "Ans", "ans@voorbeeld.example")


def test_the_honeypot_stores_nothing_and_sends_nothing(client, workshop):
    response = post_registration(client, workshop, website="http://spam.example")

    assert response.status_code == 400
    assert "Je bericht is niet verstuurd. Probeer het nog een keer." in response.content.decode()
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_too_many_registrations_from_one_address_are_refused_and_the_input_kept(client, workshop):
    workshop.max_places = None
    workshop.save_revision().publish()
    for number in range(RATE_LIMIT_COUNT):
        post_registration(client, workshop, f"Persoon {number}", f"p{number}@voorbeeld.example")
    response = post_registration(client, workshop, "Nog een", "nog@voorbeeld.example")
    other_ip = client.post(
        f"{workshop.url}aanmelden/",
        {"name": "Buur", "email": "buur@voorbeeld.example"},
        REMOTE_ADDR="10.0.0.2",
    )

    assert response.status_code == 429
    html = response.content.decode()
    assert "Je hebt het formulier te vaak verstuurd." in html
    assert 'value="nog@voorbeeld.example"' in html
    assert not Registration.objects.filter(email="nog@voorbeeld.example").exists()
    assert other_ip.status_code == 302


def test_no_registration_for_a_past_activity_or_one_without_registration(client, beesd, make_event):
    past = make_event(beesd, "Voorbij", days=-2, registration_enabled=True)
    closed = make_event(beesd, "Zonder aanmelden", days=2)

    response = post_registration(client, past)

    assert response.status_code == 400
    assert "Aanmelden kan niet meer: deze activiteit is al geweest." in response.content.decode()
    assert "Aanmelden kan niet meer" in client.get(past.url).content.decode()
    assert 'id="aanmelden"' not in client.get(closed.url).content.decode()
    assert post_registration(client, closed).status_code == 404
    with pytest.raises(RegistrationClosed):
        register(closed, "Ans", "ans@voorbeeld.example")
    assert Registration.objects.count() == 0


def test_get_on_the_registration_url_goes_back_to_the_activity(client, workshop):
    response = client.get(f"{workshop.url}aanmelden/")

    assert response.status_code == 302
    assert response.url == workshop.url


def test_mail_is_sent_only_after_the_registration_is_committed(
    workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(workshop, "Ans", "ans@voorbeeld.example")
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
