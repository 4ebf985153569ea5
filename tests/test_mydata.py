""" "Mijn gegevens" without an account (docs/privacy.md): a resident who gave only an e-mail
address asks for a link, and through it sees, downloads and deletes what is kept under that
address, and nothing else. The answer never tells whether an address is known."""

import json
import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from agenda.models import Interest, SignUp
from events.models import Registration
from home.models import FormPage
from privacy.models import EmailLink
from subscriptions.models import Subscriber
from tests.test_privacy import make_event, make_point

pytestmark = pytest.mark.django_db

ASK = "/mijn-gegevens/"
ME, OTHER = "jan@example.nl", "piet@example.nl"


@pytest.fixture
def traces(beesd, municipality):
    """A subscription, a registration, a sign-up, a joint purchase and a klankbordgroep form,
    each for Jan and for Piet."""
    form_page = FormPage(title="Klankbordgroep", slug="klankbordgroep")
    municipality.add_child(instance=form_page)
    event = make_event(beesd, "Burendag", timezone.now() + timedelta(days=5))
    point = make_point(beesd)
    for email, name in ((ME, "Jan"), (OTHER, "Piet")):
        subscriber = Subscriber.objects.create(
            email=email, kinds=["nieuws"], confirmed_at=timezone.now(), digest_until=timezone.now()
        )
        subscriber.kernen.add(beesd)
        Registration.objects.create(event=event, name=name, email=email, status="registered")
        SignUp.objects.create(action_point=point, name=name, email=email, contribution="Helpen")
        Interest.objects.create(action_point=point, kind="inwoner", name=name, email=email)
        FormSubmission.objects.create(
            page=form_page, form_data={"naam": name, "e-mailadres": email.upper()}
        )


def ask(client, capture, email, **extra):
    with capture(execute=True):
        return client.post(ASK, {"email": email, **extra})


def link_in(message):
    found = re.search(r"http://testserver(/mijn-gegevens/[^/\s]+/)", message.body)
    return found[1] if found else None


@pytest.fixture
def my_link(client, traces, django_capture_on_commit_callbacks):
    ask(client, django_capture_on_commit_callbacks, ME)
    return link_in(mail.outbox[-1])


def held_by(email):
    return {
        "subscriptions": Subscriber.objects.filter(email=email).count(),
        "registrations": Registration.objects.filter(email=email).count(),
        "sign_ups": SignUp.objects.filter(email=email).count(),
        "interests": Interest.objects.filter(email=email).count(),
        "forms": sum(
            email in json.dumps(s.form_data).lower() for s in FormSubmission.objects.all()
        ),
    }


EVERYTHING = {"subscriptions": 1, "registrations": 1, "sign_ups": 1, "interests": 1, "forms": 1}
NOTHING = dict.fromkeys(EVERYTHING, 0)


def test_the_page_asks_for_an_address_and_mentions_my_account(client, municipality):
    response = client.get(ASK)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn gegevens" in html
    assert 'type="email"' in html
    assert 'href="/mijn-account/"' in html


def test_a_known_address_gets_a_link_and_an_unknown_one_an_e_mail_without(
    client, traces, django_capture_on_commit_callbacks
):
    known = ask(client, django_capture_on_commit_callbacks, "Jan@Example.nl")
    unknown = ask(client, django_capture_on_commit_callbacks, "onbekend@example.nl")

    # The same answer either way: the page does not tell whether an address is known.
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == "/mijn-gegevens/verstuurd/"
    assert "Check je e-mail" in client.get(known["Location"]).content.decode()
    to_me, to_unknown = mail.outbox
    assert to_me.to == [ME] and to_unknown.to == ["onbekend@example.nl"]
    assert link_in(to_me) is not None
    assert link_in(to_unknown) is None
    assert "We bewaren niets onder dit adres" in to_unknown.body
    assert list(EmailLink.objects.values_list("email", flat=True)) == [ME]


def test_the_link_carries_no_address(my_link):
    token = my_link.strip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    assert "jan" not in token.lower()
    assert EmailLink.objects.get().token_hash != token


def test_the_link_shows_what_is_kept_under_my_address_only(client, my_link):
    response = client.get(my_link)

    html = response.content.decode()
    assert response.status_code == 200
    assert ME in html and OTHER not in html
    for what in (
        "E-mailabonnementen: 1",
        "Aanmeldingen voor activiteiten: 1",
        "Doe mee",
        "Formulieren die je stuurde: 1",
    ):
        assert what in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_download_holds_my_data_and_nobody_elses(client, my_link):
    response = client.get(f"{my_link}mijn-gegevens.json")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    data = response.json()
    assert data["email"] == ME
    assert [item["email"] for item in data["subscriptions"]] == [ME]
    assert [item["name"] for item in data["event_registrations"]] == ["Jan"]
    assert [item["name"] for item in data["action_point_sign_ups"]["sign_ups"]] == ["Jan"]
    assert [item["name"] for item in data["action_point_sign_ups"]["joint_purchases"]] == ["Jan"]
    assert [item["naam"] for item in data["form_submissions"]] == ["Jan"]
    assert OTHER not in response.content.decode() and "Piet" not in response.content.decode()


def test_deleting_asks_first_then_deletes_my_data_and_nothing_else(client, my_link):
    confirm = client.get(f"{my_link}verwijderen/")
    assert confirm.status_code == 200
    assert "Ja, verwijder mijn gegevens" in confirm.content.decode()
    assert held_by(ME) == EVERYTHING  # opening the page deletes nothing

    response = client.post(f"{my_link}verwijderen/")

    assert response.status_code == 200
    assert "Je gegevens zijn verwijderd" in response.content.decode()
    assert held_by(ME) == NOTHING
    assert held_by(OTHER) == EVERYTHING
    assert client.get(my_link).status_code == 400  # the link went with the rest


def test_an_expired_or_made_up_link_is_a_dutch_400(client, my_link):
    EmailLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    expired = client.get(my_link)
    made_up = client.post("/mijn-gegevens/zomaar-iets/verwijderen/")

    assert expired.status_code == made_up.status_code == 400
    assert "Deze link is verlopen" in expired.content.decode()
    assert "Deze link werkt niet" in made_up.content.decode()
    assert held_by(ME) == EVERYTHING


@pytest.mark.parametrize(
    ("email", "error"),
    [("", "Vul je e-mailadres in."), ("geen-adres", "Dit is geen geldig e-mailadres.")],
)
def test_a_bad_address_is_refused_in_dutch(
    client, municipality, django_capture_on_commit_callbacks, email, error
):
    response = ask(client, django_capture_on_commit_callbacks, email)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert mail.outbox == []


def test_a_robot_filling_the_hidden_field_gets_no_e_mail(
    client, traces, django_capture_on_commit_callbacks
):
    response = ask(client, django_capture_on_commit_callbacks, ME, website="http://spam.example")

    assert response.status_code == 400
    assert "Je bericht is niet verstuurd. Probeer het nog een keer." in response.content.decode()
    assert mail.outbox == []


def test_one_ip_address_and_one_address_are_rate_limited(
    client, traces, settings, django_capture_on_commit_callbacks
):
    settings.MYDATA_RATE_LIMIT = 3
    settings.MYDATA_RATE_LIMIT_PER_ADDRESS = 2
    capture = django_capture_on_commit_callbacks
    answers = [ask(client, capture, ME).status_code for _attempt in range(3)]

    assert answers == [302, 302, 302]
    assert len(mail.outbox) == 2  # a third e-mail to the same address is not sent
    assert ask(client, capture, OTHER).status_code == 429
    assert ask(Client(REMOTE_ADDR="192.0.2.9"), capture, OTHER).status_code == 302
