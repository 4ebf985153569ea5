"""XSS: a list of payloads goes through every form that stores or echoes what people type,
and every page, e-mail and admin listing that shows it stays inert.

"Inert" is checked on the HTML as a browser parses it (html5lib, the WHATWG algorithm, so
mutation tricks such as <math><style> count), not on strings: no <script> element with a payload's
marker in it, no ``on…`` attribute and no ``srcdoc`` carrying the marker, no link or source
that starts with ``javascript:``, ``vbscript:`` or ``data:text/html``. Each rendered page must
also contain the marker, so a page that simply lost the text does not pass.
"""

import re
from datetime import timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import escape

import pytest
from bs4 import BeautifulSoup

from agenda.factories import ActionPointPageFactory
from agenda.models import Interest, KernagendaPage, SignUp
from events.models import EventIndexPage, EventPage, Registration
from home.models import FormField, FormPage
from members.constants import Role
from members.models import BoardAreaPage, Invitation, Meeting, Poll, Post, Thread, Workspace
from members.services import add_member

pytestmark = pytest.mark.django_db

MARK = "xss7301"
PAYLOADS = [
    f"<script>alert('{MARK}')</script>",
    f'"><img src=x onerror=alert("{MARK}")>',
    f"'><svg onload=alert('{MARK}')>",
    f"<svg/onload=alert(`{MARK}`)>",
    f'javascript:alert("{MARK}")',
    f"<a href=\"javascript:alert('{MARK}')\">klik {MARK}</a>",
    f'<a href="  JaVaScRiPt:alert(1)">{MARK}</a>',
    f'" onmouseover="alert(\'{MARK}\')" x="',
    f"' autofocus onfocus='alert(\"{MARK}\")' x='",
    f"{{{{ 7*7 }}}} {{% debug %}} ${{alert('{MARK}')}}",
    f'<img src=x oNeRrOr=alert("{MARK}")>',
    f"<iframe srcdoc=\"<script>alert('{MARK}')</script>\"></iframe>",
    f"</textarea></title></style><script>alert('{MARK}')</script>",
    f'\u202e<scrİpt>alert("{MARK}")</scrİpt>',
    f"\uff1cscript\uff1ealert('{MARK}')\uff1c/script\uff1e",
    f"<ſcript>alert('{MARK}')</ſcript>",
    f'<a href="java&#x09;script:alert(1)">{MARK}</a>',
    f'<math><mtext><table><mglyph><style><img src=x onerror=alert("{MARK}")>',
]
TEMPLATE_PAYLOAD = "{{ 7*7 }}"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def live_injections(html: str) -> list[str]:
    """What a browser would run from the payloads: empty when the page is inert."""
    found = []
    for element in BeautifulSoup(html, "html5lib").find_all(True):
        # (get_text() leaves out the content of <script> and <style>; decode_contents() not.)
        if element.name in ("script", "style") and MARK in element.decode_contents():
            found.append(f"<{element.name}> with the marker")
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value or "")
            name = name.lower()
            if (name.startswith("on") or name == "srcdoc") and MARK in value:
                found.append(f"<{element.name} {name}={value!r}>")
            if name in URL_ATTRIBUTES:
                squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if squeezed.startswith(BAD_SCHEMES):
                    found.append(f"<{element.name} {name}={value!r}>")
    return found


def assert_inert(html: str, where: str, shown: bool = True):
    assert live_injections(html) == [], where
    if shown:
        assert MARK in html, f"{where}: the payloads are not shown, so nothing was tested"


def assert_inert_response(response, where: str, shown: bool = True):
    assert response.status_code < 500, where
    assert_inert(response.content.decode(), where, shown)


def test_the_checker_sees_payloads_that_were_not_escaped():
    """Without escaping, the payloads with markup are live: the check would catch them."""
    markup = [p for p in PAYLOADS if re.search(r"<(script|img|svg|iframe|a )|on\w+=", p)]
    assert len(markup) >= 10
    for payload in markup:
        raw = f"<div>{payload}</div><input value=\"{payload}\"><input value='{payload}'>"
        assert live_injections(raw), payload
        assert live_injections(f"<div>{escape(payload)}</div>") == []


@pytest.fixture(autouse=True)
def no_rate_limits():
    cache.clear()
    yield
    cache.clear()


ADDRESSES = count(1)


def new_address() -> str:
    """A fresh visitor address per submission, so rate limits do not stop the test."""
    number = next(ADDRESSES)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


@pytest.fixture
def admin_client(client, django_user_model, municipality):
    from django.test import Client

    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.nl", "x" * 12)
    admin_client = Client()
    admin_client.force_login(admin)
    return admin_client


# Public forms ---------------------------------------------------------------------------------


def test_event_registration(client, admin_client, beesd, django_capture_on_commit_callbacks):
    index = EventIndexPage.objects.child_of(beesd).get()
    start = timezone.now() + timedelta(days=5)
    event = EventPage(
        title="Burendag",
        slug="burendag",
        start=start,
        end=start + timedelta(hours=2),
        location="Dorpshuis",
        registration_enabled=True,
        max_places=100,
    )
    index.add_child(instance=event)
    event.save_revision().publish()

    for number, payload in enumerate(PAYLOADS):
        data = {"name": payload[:100], "email": f"p{number}@example.nl", "website": ""}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"{event.url}aanmelden/", data, REMOTE_ADDR=new_address())
        assert response.status_code in (200, 302), payload
        if response.status_code == 302:
            assert_inert_response(
                client.get(response.url), f"registered page: {payload}", shown=False
            )
        # The form shown again with the payload in the fields (an invalid e-mail).
        bad = client.post(
            f"{event.url}aanmelden/", {**data, "email": payload}, REMOTE_ADDR=new_address()
        )
        assert_inert_response(bad, f"registration form again: {payload}", shown=False)

    assert Registration.objects.count() == len(PAYLOADS)
    for message in mail.outbox:
        for body, kind in getattr(message, "alternatives", []):
            if kind == "text/html":
                assert_inert(body, "registration e-mail")
    assert_inert_response(admin_client.get("/admin/registrations/"), "admin: registrations")


@pytest.fixture
def action_point(beesd):
    kernagenda = KernagendaPage.objects.child_of(beesd).get()
    return ActionPointPageFactory(
        parent=kernagenda,
        kern=beesd,
        title="Gezamenlijke inkoop zonnepanelen",
        slug="zonnepanelen",
        summary="Samen zonnepanelen kopen.",
        joint_purchase=True,
    )


def test_action_point_sign_up_and_interest(client, admin_client, beesd, action_point):
    for number, payload in enumerate(PAYLOADS):
        signup = {
            "name": payload[:150],
            "email": f"s{number}@example.nl",
            "kern": beesd.pk,
            "contribution": payload,
            "consent": "on",
            "website": "",
        }
        response = client.post(f"{action_point.url}doe-mee/", signup, REMOTE_ADDR=new_address())
        assert response.status_code in (200, 302), payload
        interest = {"kind": "inwoner", "name": payload[:150], "email": f"i{number}@example.nl"}
        response = client.post(
            f"{action_point.url}ik-doe-mee/", interest, REMOTE_ADDR=new_address()
        )
        assert response.status_code in (200, 302), payload
        bad = client.post(
            f"{action_point.url}doe-mee/", {**signup, "email": payload}, REMOTE_ADDR=new_address()
        )
        assert_inert_response(bad, f"sign-up form again: {payload}", shown=False)

    assert SignUp.objects.count() == Interest.objects.count() == len(PAYLOADS)
    assert_inert_response(client.get(action_point.url), "action point page", shown=False)
    assert_inert_response(admin_client.get("/admin/aanmeldingen/"), "admin: sign-ups")
    assert_inert_response(admin_client.get("/admin/gezamenlijke-inkoop/"), "admin: interest")
    signup = SignUp.objects.first()
    assert_inert_response(
        admin_client.get(f"/admin/aanmeldingen/edit/{signup.pk}/"), "admin: one sign-up"
    )


def test_subscription_form(client):
    for payload in PAYLOADS:
        response = client.post(
            "/blijf-op-de-hoogte/",
            {"email": payload, "kernen": [payload], "kinds": [payload], "website": ""},
            REMOTE_ADDR=new_address(),
        )
        assert_inert_response(response, f"subscribe form again: {payload}", shown=False)
        assert_inert_response(
            client.get("/blijf-op-de-hoogte/", {"kern": payload}), "subscribe ?kern=", shown=False
        )
        assert_inert_response(
            client.get(f"/blijf-op-de-hoogte/bevestigen/{payload}/"), "confirm link", shown=False
        )


def test_klankbordgroep_form_builder(client, admin_client, municipality):
    page = FormPage(
        title="Klankbordgroep", slug="klankbordgroep", thank_you_text="<p>Dank je wel!</p>"
    )
    page.form_fields.add(FormField(sort_order=0, label="Naam", field_type="singleline"))
    page.form_fields.add(FormField(sort_order=1, label="Opmerking", field_type="multiline"))
    municipality.add_child(instance=page)
    page.save_revision().publish()

    for payload in PAYLOADS:
        response = client.post(
            "/klankbordgroep/", {"naam": payload, "opmerking": payload}, REMOTE_ADDR=new_address()
        )
        assert response.status_code == 200, payload
        assert_inert_response(response, f"thank-you page: {payload}", shown=False)

    assert page.get_submission_class().objects.filter(page=page).count() == len(PAYLOADS)
    assert_inert_response(
        admin_client.get(f"/admin/forms/submissions/{page.pk}/"), "admin: form submissions"
    )


def test_search(client, beesd):
    for payload in PAYLOADS:
        for url in ("/zoeken/", f"{beesd.url}"):
            response = client.get(url, {"q": payload, "kern": payload, "soort": payload})
            assert_inert_response(response, f"{url}?q={payload}", shown=url == "/zoeken/")
        suggestions = client.get("/zoeken/suggesties/", {"q": payload})
        assert suggestions.status_code == 200
        assert suggestions["Content-Type"].startswith("application/json")


# Member area ----------------------------------------------------------------------------------


@pytest.fixture
def board(beesd, make_user):
    workspace = Workspace.objects.get(page=BoardAreaPage.objects.child_of(beesd).get())
    chair = make_user("voorzitter", email="voorzitter@example.nl", first_name="Marieke")
    add_member(workspace, chair, Role.CHAIR)
    workspace.chair = chair
    return workspace


@pytest.fixture
def chair_client(client, board):
    client.force_login(board.chair)
    return client


BOARD = "/beesd/bestuur/"


def test_member_messages_and_replies(chair_client, board):
    thread_url = None
    for payload in PAYLOADS:
        response = chair_client.post(f"{BOARD}berichten/", {"title": payload, "body": payload})
        assert response.status_code == 302, payload
        thread_url = thread_url or response.url
        chair_client.post(thread_url, {"body": payload})

    assert Post.objects.filter(thread__workspace=board).count() == 2 * len(PAYLOADS)
    assert_inert_response(chair_client.get(f"{BOARD}berichten/"), "message list")
    thread_page = chair_client.get(thread_url)
    assert_inert_response(thread_page, "conversation")
    assert TEMPLATE_PAYLOAD in BeautifulSoup(thread_page.content, "html5lib").get_text()
    assert_inert_response(chair_client.get(BOARD), "board overview")


def test_polls(chair_client, board):
    closes = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    for number, payload in enumerate(PAYLOADS):
        response = chair_client.post(
            f"{BOARD}peilingen/",
            {
                "question": payload,
                "options": f"{payload}\nnummer {number} {MARK}",
                "closes_at": closes,
            },
        )
        assert response.status_code == 302, payload
        poll = Poll.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[-1])
        chair_client.post(response.url, {"option": poll.options.first().pk})
        assert_inert_response(chair_client.get(response.url), f"poll: {payload}")
    assert_inert_response(chair_client.get(f"{BOARD}peilingen/"), "poll list")
    assert_inert_response(chair_client.get(BOARD), "board overview")


def test_meetings(chair_client, board):
    starts = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    for payload in PAYLOADS:
        response = chair_client.post(
            f"{BOARD}vergaderingen/",
            {
                "title": payload,
                "starts_at": starts,
                "location": payload,
                "video_url": payload if payload.startswith("javascript") else "",
                "agenda": f"{payload}\n{payload}",
            },
        )
        if payload.startswith("javascript"):
            # A javascript: "video link" is refused, with the form shown again.
            assert response.status_code == 400
            assert_inert_response(response, "meeting form again", shown=False)
            continue
        assert response.status_code == 302, payload
        chair_client.post(response.url, {"action": "minutes", "minutes": payload})
        assert_inert_response(chair_client.get(response.url), f"meeting: {payload}")
    assert Meeting.objects.filter(workspace=board, title__contains=MARK).exists()
    assert_inert_response(chair_client.get(f"{BOARD}vergaderingen/"), "meeting list")
    assert_inert_response(chair_client.get(BOARD), "board overview")


def test_invitations_and_account_names(chair_client, board, client):
    from django.test import Client

    for number, payload in enumerate(PAYLOADS):
        response = chair_client.post(
            f"{BOARD}leden/",
            {
                "action": "invite",
                "name": payload[:150],
                "email": f"nieuw{number}@example.nl",
                "role": "member",
            },
        )
        assert response.status_code == 302, payload
    assert_inert_response(chair_client.get(f"{BOARD}leden/"), "members page with invitations")

    # Accepting an invitation: the new account's own names carry the payloads.
    for number, payload in enumerate(PAYLOADS[:6]):
        invitation = Invitation.objects.get(email=f"nieuw{number}@example.nl")
        visitor = Client()
        response = visitor.post(
            f"/uitnodiging/{invitation.token}/",
            {
                "first_name": payload[:150],
                "last_name": payload[:150],
                "password1": "een-lang-wachtwoord-42",
                "password2": "een-lang-wachtwoord-42",
            },
        )
        assert response.status_code == 302, payload
        assert_inert_response(visitor.get("/mijn-account/"), f"account page: {payload}")
        visitor.post(f"{BOARD}berichten/", {"title": f"Hallo {MARK}", "body": "Hoi"})
    assert get_user_model().objects.filter(first_name__contains=MARK).count() == 6
    assert_inert_response(chair_client.get(f"{BOARD}leden/"), "members page with new members")
    assert_inert_response(chair_client.get(f"{BOARD}berichten/"), "messages by new members")
    assert Thread.objects.filter(title__contains=MARK).count() == 6


def test_announcements_to_boards(admin_client, board, beesd, chair_client):
    for payload in PAYLOADS:
        response = admin_client.post(
            "/mededeling-aan-besturen/", {"title": payload, "body": payload, "kernen": [beesd.pk]}
        )
        assert response.status_code == 302, payload
    assert_inert_response(chair_client.get(BOARD), "board overview with announcements")


# Member tools: a resident's dossier and the group chat ----------------------------------------


def test_a_residents_dossier_its_items_shares_and_access_log(client, board, make_user):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from home.factories import simple_pdf

    owner = make_user("bewoner", email="bewoner@example.nl", first_name="Ans")
    reader = board.chair
    reader.first_name = PAYLOADS[1]  # shown in the owner's access log
    reader.save()
    client.force_login(owner)
    for payload in PAYLOADS:
        response = client.post("/mijn-dossier/", {"title": payload, "description": payload})
        assert response.status_code == 302, payload
    dossier = owner.dossiers.get(title=PAYLOADS[0])
    base = f"/mijn-dossier/{dossier.pk}/"
    for payload in PAYLOADS:
        response = client.post(
            f"{base}toevoegen/", {"kind": "note", "title": payload, "text": payload}
        )
        assert response.status_code == 302, payload
    # A file whose name is a payload (one without "/", which an upload's name cannot hold).
    upload = SimpleUploadedFile(f"{PAYLOADS[1]}.pdf", simple_pdf("Brief", ["Tekst"]))
    response = client.post(
        f"{base}toevoegen/", {"kind": "file", "title": f"Brief {MARK}", "file": upload}
    )
    assert response.status_code == 302
    assert (
        client.post(f"{base}delen/", {"target": "workspace", "workspace": board.pk}).status_code
        == 302
    )

    items = [f"{base}stukken/{item.pk}/" for item in dossier.items.all()]
    assert len(items) == len(PAYLOADS) + 1
    assert_inert_response(client.get("/mijn-dossier/"), "dossier list")
    assert_inert_response(client.get(base), "dossier")
    for url in items:
        assert_inert_response(client.get(url), f"item {url}")
    assert_inert_response(client.get(f"{base}delen/"), "shares")

    board_member = Client()
    board_member.force_login(reader)
    assert_inert_response(board_member.get("/mijn-dossier/"), "shared with me")
    assert_inert_response(board_member.get(base), "shared dossier")
    for url in items[:3]:
        assert_inert_response(board_member.get(url), f"shared item {url}")
    assert_inert_response(client.get(f"{base}inzage/"), "access log")


def test_the_group_chat(chair_client, board, make_user):
    from django.test import Client

    chat_url = f"{BOARD}chat/"
    for payload in PAYLOADS:
        assert chair_client.post(chat_url, {"text": payload}).status_code == 302, payload
        script = chair_client.post(chat_url, {"text": payload}, HTTP_ACCEPT="application/json")
        assert script.status_code == 201, payload
        assert script.json()["message"]["text"] == payload  # data, shown with textContent

    assert_inert_response(chair_client.get(chat_url), "chat page")
    member = make_user("lid", email="lid@example.nl", first_name="Henk")
    add_member(board, member)
    other = Client()
    other.force_login(member)
    polled = other.get(f"{chat_url}nieuw/", {"na": 0})
    assert polled["Content-Type"] == "application/json"
    assert [message["text"] for message in polled.json()["messages"]][:2] == [PAYLOADS[0]] * 2
    assert_inert_response(other.get("/mijn-account/"), "unread counts", shown=False)
