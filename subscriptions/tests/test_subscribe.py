"""Subscribing, confirming and unsubscribing: double opt-in, confirmation links that carry no
address, no subscriber before confirmation, bad input refused in Dutch."""

import re
import zlib
from datetime import timedelta

from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

import subscriptions.wagtail_hooks
from privacy.models import EmailLink
from privacy.registry import purge
from subscriptions.models import Delivery, Subscriber
from subscriptions.tokens import (
    CONFIRM_SALT,
    Request,
    make_confirm_token,
    make_unsubscribe_token,
)

pytestmark = pytest.mark.django_db

URL = "/blijf-op-de-hoogte/"
#: SQL queries of the form page, pinned: the site and its kernen.
FORM_PAGE_QUERIES = 2


@pytest.fixture(autouse=True)
def clear_rate_limits():
    from django.core.cache import cache

    cache.clear()


def post(client, capture, **data):
    with capture(execute=True):
        return client.post(URL, data)


def confirm_link(message):
    return re.search(r"http://testserver(/blijf-op-de-hoogte/bevestigen/\S+/)", message.body)[1]


def subscribe(client, capture, email, kernen, kinds):
    response = post(client, capture, email=email, kernen=[kern.pk for kern in kernen], kinds=kinds)
    assert response.status_code == 302, response.content.decode()
    return confirm_link(mail.outbox[-1])


def test_the_form_lists_the_kernen_and_the_three_kinds(client, beesd, heukelum):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Blijf op de hoogte</h1>" in html
    for label in ("Beesd", "Heukelum", "Werkzaamheden", "Nieuws", "Activiteiten"):
        assert f">{label}</label>" in html
    assert '<label for="id_email">Je e-mailadres</label>' in html
    assert "<legend>Welke kernen?</legend>" in html


def test_a_kern_page_links_to_the_form_with_that_kern_chosen(client, beesd, heukelum):
    kern_html = client.get("/beesd/").content.decode()
    assert 'href="/blijf-op-de-hoogte/?kern=beesd"' in kern_html
    assert "Meld je aan voor Beesd" in kern_html

    html = client.get(URL + "?kern=beesd").content.decode()

    assert f'value="{beesd.pk}" id="id_kernen_0" checked' in html
    assert f'value="{heukelum.pk}" id="id_kernen_1">' in html


def test_the_kern_page_panel_costs_no_query(client, beesd, count_queries, monkeypatch):
    _response, with_panel = count_queries(client, "/beesd/")
    # The panel hides itself when its context is None.
    monkeypatch.setattr(subscriptions.wagtail_hooks, "subscribe_panel", lambda kern, request: None)

    response, without_panel = count_queries(client, "/beesd/")

    assert "Blijf op de hoogte" not in response.content.decode()
    assert with_panel == without_panel


def test_an_unknown_kern_in_the_link_gives_a_dutch_400(client, beesd):
    response = client.get(URL + "?kern=atlantis")

    assert response.status_code == 400
    assert "Deze kern kennen we niet." in response.content.decode()


def test_form_page_queries_do_not_grow_with_the_number_of_kernen(client, make_kern, count_queries):
    make_kern("Beesd")
    _response, few = count_queries(client, URL)
    for name in ("Heukelum", "Asperen", "Rumpt", "Tuil", "Vuren", "Deil", "Tricht", "Varik"):
        make_kern(name)
    response, many = count_queries(client, URL)

    assert response.content.decode().count('name="kernen"') == 9
    assert few == many == FORM_PAGE_QUERIES


def test_subscribing_sends_a_confirmation_and_stores_nothing(
    client, beesd, heukelum, django_capture_on_commit_callbacks
):
    response = post(
        client,
        django_capture_on_commit_callbacks,
        email="Jan@Example.nl",
        kernen=[beesd.pk, heukelum.pk],
        kinds=["werkzaamheden", "nieuws"],
    )

    assert response.status_code == 302
    assert response["Location"] == "/blijf-op-de-hoogte/verstuurd/"
    assert "Check je e-mail" in client.get(response["Location"]).content.decode()
    assert Subscriber.objects.count() == 0
    (message,) = mail.outbox
    assert message.to == ["jan@example.nl"]
    assert message.subject == "Bevestig je aanmelding bij Kernenportaal"
    assert "Beesd, Heukelum" in message.body
    assert "Werkzaamheden, Nieuws" in message.body
    assert "Activiteiten" not in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Bevestig mijn aanmelding" in html
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/blijf-op-de-hoogte/afmelden/"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_confirming_takes_a_click_and_then_stores_the_choices(
    client, beesd, heukelum, django_capture_on_commit_callbacks
):
    link = subscribe(
        client,
        django_capture_on_commit_callbacks,
        "jan@example.nl",
        [beesd],
        ["nieuws", "activiteiten"],
    )

    page = client.get(link)
    assert page.status_code == 200
    assert "Ja, bevestig mijn aanmelding" in page.content.decode()
    assert Subscriber.objects.count() == 0  # a link checker that opens the link confirms nothing

    response = client.post(link)

    assert response.status_code == 200
    assert "Je aanmelding is bevestigd" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "jan@example.nl"
    assert list(subscriber.kernen.all()) == [beesd]
    assert subscriber.kinds == ["nieuws", "activiteiten"]
    assert subscriber.confirmed_at is not None


def test_subscribing_again_updates_the_choices_without_a_duplicate_or_a_leak(
    client, beesd, heukelum, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    client.post(subscribe(client, capture, "jan@example.nl", [beesd], ["nieuws"]))
    first = post(
        client, capture, email="jan@example.nl", kernen=[heukelum.pk], kinds=["werkzaamheden"]
    )
    unknown = post(
        client, capture, email="piet@example.nl", kernen=[heukelum.pk], kinds=["werkzaamheden"]
    )

    # The same answer for a known and an unknown address.
    assert (first.status_code, first["Location"]) == (unknown.status_code, unknown["Location"])
    # Not changed before the new choice is confirmed.
    assert Subscriber.objects.get().kinds == ["nieuws"]

    client.post(confirm_link(mail.outbox[1]))

    subscriber = Subscriber.objects.get()
    assert list(subscriber.kernen.all()) == [heukelum]
    assert subscriber.kinds == ["werkzaamheden"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "geen-adres"}, "Dit is geen geldig e-mailadres."),
        ({"email": ""}, "Vul je e-mailadres in."),
        ({"kernen": [999_999]}, "We kennen de kern die je koos niet."),
        ({"kernen": ["beesd"]}, "We kennen de kern die je koos niet."),
        ({"kernen": []}, "Kies minstens één kern."),
        ({"kinds": []}, "Kies minstens één soort bericht."),
        ({"kinds": ["roddels"]}, "Kies de soorten berichten uit de lijst."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_sent_or_stored(
    client, beesd, make_subscriber, django_capture_on_commit_callbacks, data, error
):
    make_subscriber("jan@example.nl", [beesd], ["nieuws"])
    form = {"email": "jan@example.nl", "kernen": [beesd.pk], "kinds": ["werkzaamheden"], **data}

    response = post(client, django_capture_on_commit_callbacks, **form)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert mail.outbox == []
    assert Subscriber.objects.get().kinds == ["nieuws"]


def test_a_filled_in_honeypot_sends_nothing(client, beesd, django_capture_on_commit_callbacks):
    response = post(
        client,
        django_capture_on_commit_callbacks,
        email="bot@example.nl",
        kernen=[beesd.pk],
        kinds=["nieuws"],
        website="http://spam.example",
    )

    assert response.status_code == 400
    assert "Je bericht is niet verstuurd. Probeer het nog een keer." in response.content.decode()
    assert mail.outbox == []


def test_one_ip_address_is_limited(client, beesd, settings, django_capture_on_commit_callbacks):
    settings.SUBSCRIPTIONS_RATE_LIMIT = 3
    capture = django_capture_on_commit_callbacks
    for number in range(3):
        response = post(
            client, capture, email=f"mens{number}@example.nl", kernen=[beesd.pk], kinds=["nieuws"]
        )
        assert response.status_code == 302

    response = post(client, capture, email="mens4@example.nl", kernen=[beesd.pk], kinds=["nieuws"])

    assert response.status_code == 429
    assert "Je hebt het te vaak geprobeerd." in response.content.decode()
    assert len(mail.outbox) == 3
    other_ip = Client(REMOTE_ADDR="192.0.2.7")
    assert (
        post(
            other_ip, capture, email="mens4@example.nl", kernen=[beesd.pk], kinds=["nieuws"]
        ).status_code
        == 302
    )


def test_one_address_gets_few_confirmation_mails(
    client, beesd, settings, django_capture_on_commit_callbacks
):
    settings.SUBSCRIPTIONS_RATE_LIMIT_PER_ADDRESS = 2
    for _attempt in range(4):
        response = post(
            client,
            django_capture_on_commit_callbacks,
            email="jan@example.nl",
            kernen=[beesd.pk],
            kinds=["nieuws"],
        )
        assert response.status_code == 302

    assert len(mail.outbox) == 2


def test_a_tampered_confirmation_link_is_refused(client, beesd):
    token = make_confirm_token(Request("jan@example.nl", (beesd.pk,), ("nieuws",)))
    tampered = token.replace(token[5], "A" if token[5] != "A" else "B", 1)

    for method in (client.get, client.post):
        response = method(reverse("subscriptions:confirm", args=[tampered]))
        assert response.status_code == 400
        assert "Deze link klopt niet." in response.content.decode()
    response = client.post(reverse("subscriptions:confirm", args=["zomaar-iets"]))
    assert response.status_code == 400
    assert Subscriber.objects.count() == 0


def test_an_expired_confirmation_link_is_refused(client, beesd):
    token = make_confirm_token(Request("jan@example.nl", (beesd.pk,), ("nieuws",)))
    EmailLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = client.post(reverse("subscriptions:confirm", args=[token]))

    assert response.status_code == 400
    assert "Deze link is verlopen." in response.content.decode()
    assert Subscriber.objects.count() == 0


def legacy_token(email, kern_ids, kinds):
    """A confirmation link as it was made before the opaque tokens: the request, signed."""
    payload = {"e": email, "k": list(kern_ids), "t": list(kinds)}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def decoded_parts(token):
    """What anyone who sees the link can read from it without a key."""
    found = []
    for part in token.split(":"):
        try:
            data = signing.b64_decode(part.lstrip(".").encode())
            found.append(zlib.decompress(data) if part.startswith(".") else data)
        except (ValueError, zlib.error):
            continue
    return b" ".join(found)


def test_the_confirmation_link_holds_no_address_and_no_choices(
    client, beesd, django_capture_on_commit_callbacks
):
    """It used to carry them signed but readable, into browser histories and access logs."""
    link = subscribe(
        client, django_capture_on_commit_callbacks, "jan.jansen@example.nl", [beesd], ["nieuws"]
    )

    token = link.rstrip("/").rsplit("/", 1)[1]
    assert b"jan.jansen" not in decoded_parts(token)
    assert b"nieuws" not in decoded_parts(token)
    assert b"jan.jansen" in decoded_parts(legacy_token("jan.jansen@example.nl", [1], ["x"]))
    stored = EmailLink.objects.get()
    assert stored.email == "jan.jansen@example.nl"
    assert token not in (stored.token_hash, str(stored.payload))  # only its hash is kept


def test_a_confirmation_link_works_once(client, beesd, django_capture_on_commit_callbacks):
    link = subscribe(
        client, django_capture_on_commit_callbacks, "jan@example.nl", [beesd], ["nieuws"]
    )

    assert client.post(link).status_code == 200
    assert not EmailLink.objects.exists()
    again = client.post(link)
    assert again.status_code == 400
    assert Subscriber.objects.count() == 1


def test_a_link_sent_before_the_opaque_tokens_still_confirms_until_it_expires(
    client, beesd, monkeypatch
):
    link = reverse(
        "subscriptions:confirm", args=[legacy_token("jan@example.nl", [beesd.pk], ["nieuws"])]
    )
    assert client.post(link).status_code == 200
    assert Subscriber.objects.get().email == "jan@example.nl"

    four_days_ago = signing.b62_encode(int(signing.time.time()) - 4 * 24 * 3600)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: four_days_ago)
    expired = legacy_token("piet@example.nl", [beesd.pk], ["nieuws"])
    monkeypatch.undo()
    response = client.post(reverse("subscriptions:confirm", args=[expired]))
    assert response.status_code == 400
    assert "Deze link is verlopen." in response.content.decode()


def test_the_daily_purge_deletes_expired_confirmation_links(beesd):
    make_confirm_token(Request("oud@example.nl", (beesd.pk,), ("nieuws",)))
    make_confirm_token(Request("nieuw@example.nl", (beesd.pk,), ("nieuws",)))
    EmailLink.objects.filter(email="oud@example.nl").update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    assert purge()["email_links"] == 1
    assert list(EmailLink.objects.values_list("email", flat=True)) == ["nieuw@example.nl"]


def test_an_unsubscribe_link_cannot_confirm(client, beesd):
    response = client.post(reverse("subscriptions:confirm", args=[make_unsubscribe_token(1)]))

    assert response.status_code == 400
    assert Subscriber.objects.count() == 0


def test_unsubscribing_deletes_the_address_and_its_choices(client, beesd, make_subscriber, publish):
    subscriber = make_subscriber("jan@example.nl", [beesd], ["nieuws"])
    Delivery.objects.create(subscriber=subscriber, page=publish(beesd, "Iets", "nieuws-iets"))
    keep = make_subscriber("piet@example.nl", [beesd], ["nieuws"])
    url = reverse("subscriptions:unsubscribe", args=[make_unsubscribe_token(subscriber.pk)])

    page = client.get(url)
    assert page.status_code == 200
    assert "Afmelden en mijn adres verwijderen" in page.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # opening the link is not enough

    response = client.post(url)

    assert response.status_code == 200
    assert "Je bent afgemeld" in response.content.decode()
    assert list(Subscriber.objects.all()) == [keep]
    assert Delivery.objects.count() == 0
    assert list(beesd.email_subscribers.all()) == [keep]


def test_one_click_unsubscribe_from_the_mail_program_needs_no_csrf_token(beesd, make_subscriber):
    subscriber = make_subscriber("jan@example.nl", [beesd], ["nieuws"])
    url = reverse("subscriptions:unsubscribe", args=[make_unsubscribe_token(subscriber.pk)])

    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert Subscriber.objects.count() == 0


def test_a_tampered_unsubscribe_link_deletes_nothing(client, beesd, make_subscriber):
    subscriber = make_subscriber("jan@example.nl", [beesd], ["nieuws"])
    token = make_unsubscribe_token(subscriber.pk)

    response = client.post(reverse("subscriptions:unsubscribe", args=[token[:-3] + "abc"]))

    assert response.status_code == 400
    assert "Deze link klopt niet." in response.content.decode()
    assert Subscriber.objects.count() == 1


def test_behind_a_proxy_the_limit_counts_the_visitors_address(
    client, beesd, settings, django_capture_on_commit_callbacks
):
    settings.SUBSCRIPTIONS_RATE_LIMIT = 1
    settings.TRUST_X_FORWARDED_FOR = True
    data = {"email": "jan@example.nl", "kernen": [beesd.pk], "kinds": ["nieuws"]}

    def post_from(address):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, data, headers={"X-Forwarded-For": f"203.0.113.9, {address}"})

    assert post_from("198.51.100.1").status_code == 302
    assert post_from("198.51.100.1").status_code == 429
    assert post_from("198.51.100.2").status_code == 302
