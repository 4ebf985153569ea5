"""Bad input. Whatever comes in, the answer is never a 500.

- Generated (hypothesis): query strings of every listing, overview, search, feed and pager;
  the public forms; the read-only API. Bounded for CI: a fixed number of examples per target,
  derandomized, so a run takes the same time and finds the same things each time
  (``HYPOTHESIS_PROFILE=explore`` tries more, at random, on a developer's machine).
- Swept: every public endpoint, found in the URLconf and the page tree (tests/endpoints.py),
  with a NUL byte, invalid UTF-8 and an oversized value in its path, its query parameters and
  every field of its forms; the test prints how many requests it sent (docs/security.md).
"""

import os
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.factories import ActionPointPageFactory
from agenda.models import KernagendaPage
from events.models import EventIndexPage, EventPage
from home.models import FormField, FormPage
from tests.endpoints import api_query_keys, public_endpoints, read_page

settings.register_profile(
    "ci",
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytestmark = pytest.mark.django_db

#: The names the portal's views read, and a few that mean something elsewhere.
KEYS = [
    "q",
    "kern",
    "soort",
    "sorteer",
    "page",
    "pagina",
    "thema",
    "theme",
    "status",
    "samen",
    "periode",
    "van",
    "naar",
    "wachtlijst",
    "aangemeld",
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "html_path",
    "locale",
    "format",
    "id",
]
NASTY = [
    "",
    "0",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "' OR 1=1 --",
    "%00",
    "\x00",
    "../../etc/passwd",
    "<script>",
    "ﬁets",
    "🚲" * 50,
    "a" * 5000,
    "*",
    "-title",
    "title,-id",
    "pages.Page",
    "agenda.ActionPointPage",
    "wagtailcore.NoSuchModel",
    "nosuchapp.Model",
    "true",
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers().map(str))
query_strings = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=8)),
    st.one_of(values, st.lists(values, min_size=2, max_size=3)),
    max_size=4,
)


@pytest.fixture
def site(beesd, municipality):
    """A municipality with a kern, an activity, an action point and a form page."""
    start = timezone.now() + timedelta(days=4)
    event = EventPage(
        title="Burendag",
        slug="burendag",
        start=start,
        end=start + timedelta(hours=3),
        location="Dorpshuis",
        registration_enabled=True,
        max_places=10,
    )
    EventIndexPage.objects.child_of(beesd).get().add_child(instance=event)
    event.save_revision().publish()
    point = ActionPointPageFactory(
        parent=KernagendaPage.objects.child_of(beesd).get(),
        kern=beesd,
        title="Zonnepanelen",
        slug="zonnepanelen",
        summary="Samen inkopen.",
        joint_purchase=True,
    )
    form = FormPage(title="Klankbordgroep", slug="klankbordgroep", thank_you_text="<p>Dank</p>")
    form.form_fields.add(FormField(sort_order=0, label="Naam", field_type="singleline"))
    form.form_fields.add(FormField(sort_order=1, label="E-mail", field_type="email"))
    form.form_fields.add(FormField(sort_order=2, label="Leeftijd", field_type="number"))
    form.form_fields.add(FormField(sort_order=3, label="Datum", field_type="date"))
    municipality.add_child(instance=form)
    form.save_revision().publish()
    return {"kern": beesd, "event": event, "point": point, "form": form}


def listing_urls(site) -> list[str]:
    """Every page of the site, the routes hanging off them, and the views outside the tree."""
    from wagtail.models import Page

    urls = [page.url for page in Page.objects.live().public().specific() if page.url]
    kern, event, point = site["kern"].url, site["event"].url, site["point"].url
    kernagenda = point.rsplit("/", 2)[0] + "/"
    urls += [
        f"{kern}rss/",
        f"{kern}atom/",
        f"{kern}agenda.ics",
        f"{kern}werkzaamheden.ics",
        f"{event}ical/",
        f"{event}aangemeld/",
        f"{event.rsplit('/', 2)[0]}/archief/",
        f"{kernagenda}print/",
        f"{kernagenda}wat-is-er-veranderd/",
        "/activiteiten/agenda.ics",
        "/zoeken/",
        "/zoeken/suggesties/",
        "/kernagendas/actiepunten.csv",
        "/kernagendas/actiepunten.json",
        "/sitemap.xml",
        "/blijf-op-de-hoogte/",
        "/api/v2/pages/",
        "/api/v2/pages/find/",
        f"/api/v2/pages/{site['point'].pk}/",
    ]
    return sorted(set(urls))


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{response.status_code} for {what}"


def test_every_listing_feed_and_api_url_takes_any_query_string(site):
    client = Client(raise_request_exception=True)
    urls = listing_urls(site)
    assert len(urls) >= 25

    @given(url=st.sampled_from(urls), query=query_strings)
    def fuzz(url, query):
        response = client.get(url, query)
        assert_no_server_error(response, f"GET {url} {query!r}")

    fuzz()


def test_the_api_takes_any_page_id_and_path():
    client = Client(raise_request_exception=True)

    @given(
        page_id=st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=20)),
        path=st.text(max_size=30),
    )
    def fuzz(page_id, path):
        from urllib.parse import quote

        response = client.get(f"/api/v2/pages/{quote(str(page_id), safe='')}/")
        assert_no_server_error(response, f"page {page_id!r}")
        response = client.get("/api/v2/pages/find/", {"html_path": path})
        assert_no_server_error(response, f"find {path!r}")

    fuzz()


form_data = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "email",
            "website",
            "kern",
            "kernen",
            "kinds",
            "contribution",
            "consent",
            "kind",
            "naam",
            "e-mail",
            "leeftijd",
            "datum",
            "website_url",
        ]
    ),
    st.one_of(values, st.lists(values, min_size=2, max_size=3)),
    max_size=8,
)


def test_every_public_form_takes_any_post(site):
    client = Client(raise_request_exception=True)
    targets = [
        f"{site['event'].url}aanmelden/",
        f"{site['point'].url}doe-mee/",
        f"{site['point'].url}ik-doe-mee/",
        site["form"].url,
        "/blijf-op-de-hoogte/",
        "/inloggen/",
        "/wachtwoord-vergeten/",
    ]

    @given(url=st.sampled_from(targets), data=form_data)
    def fuzz(url, data):
        cache.clear()  # rate limits would answer 429 before the form is read
        response = client.post(url, data)
        assert_no_server_error(response, f"POST {url} {data!r}")

    fuzz()


def test_signed_links_take_any_token(site):
    client = Client(raise_request_exception=True)
    event = site["event"].url

    @settings(max_examples=min(settings.default.max_examples, 15))  # ten requests each
    @given(token=st.text(min_size=1, max_size=60).filter(lambda t: "/" not in t))
    def fuzz(token):
        from urllib.parse import quote

        token = quote(token, safe="")
        for url in (
            f"/blijf-op-de-hoogte/bevestigen/{token}/",
            f"/blijf-op-de-hoogte/afmelden/{token}/",
            f"{event}afmelden/{token}/",
            f"/uitnodiging/{token}/",
            f"/kalender/{token}/1.ics",
        ):
            assert_no_server_error(client.get(url), f"GET {url}")
            assert_no_server_error(client.post(url), f"POST {url}")

    fuzz()


HUGE_IDS = ["0", "99999999999999999999", "9223372036854775808", "2147483648", "007"]


def test_ids_in_paths_out_of_the_databases_range_are_not_found(site, make_user):
    """Ids past a 64-bit integer reach PostgreSQL as an error unless something stops them."""
    from members.models import BoardAreaPage, Workspace
    from members.services import add_member

    workspace = Workspace.objects.get(page=BoardAreaPage.objects.child_of(site["kern"]).get())
    member = make_user("lid", email="lid@example.nl")
    add_member(workspace, member)
    client = Client(raise_request_exception=True)
    client.force_login(member)
    kernagenda = site["point"].url.rsplit("/", 2)[0] + "/"
    board = f"{site['kern'].url}bestuur/"
    for number in HUGE_IDS:
        for url in (
            f"{kernagenda}versies/{number}/",
            f"{kernagenda}wat-is-er-veranderd/?van={number}&naar={number}",
            f"{board}documenten/{number}/",
            f"{board}vergaderingen/{number}/",
            f"{board}berichten/{number}/",
            f"{board}peilingen/{number}/",
            f"/documenten/{number}/stuk.pdf",
            f"/kalender/token/{number}.ics",
            f"/api/v2/pages/{number}/",
            f"/api/v2/pages/?child_of={number}",
            f"/api/v2/pages/?descendant_of={number}",
            f"/api/v2/pages/?id={number}",
            f"/api/v2/pages/?limit={number}",
            f"/api/v2/pages/?offset={number}",
            f"/zoeken/?q=markt&page={number}",
            f"{site['kern'].url}nieuws/?page={number}",
            f"{site['kern'].url}nieuws/?pagina={number}",
            f"/activiteiten/?page={number}",
        ):
            response = client.get(url)
            assert_no_server_error(response, url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/pages/?offset=99999999999999999999", "offset mag niet hoger zijn dan"),
        ("/api/v2/pages/find/?id=", "id moet een geheel getal zijn"),
        ("/api/v2/pages/find/?id=abc", "id moet een geheel getal zijn"),
    ],
)
def test_the_api_answers_bad_numbers_with_a_dutch_400(municipality, url, message):
    """Both were 500s (found by the fuzzing above): Wagtail passed them to the database."""
    response = Client().get(url)

    assert response.status_code == 400
    assert message in response.json()["message"]


def test_the_api_still_pages_and_finds(site):
    client = Client()
    assert client.get("/api/v2/pages/?offset=1&limit=2").status_code == 200
    found = client.get(f"/api/v2/pages/find/?id={site['point'].pk}")
    assert found.status_code == 302
    assert f"/api/v2/pages/{site['point'].pk}/" in found.url


# Every endpoint, three kinds of bad input ------------------------------------------------
#
# Not generated at random: every public URL of the URLconf and the page tree (tests/endpoints.py
# finds them), each with a NUL byte, invalid UTF-8 and an oversized value in its path, its query
# string and every field of every form it shows. The test counts the requests and fails on any
# answer of 500 or more, listing them all.

#: Longest path or query value sent: gunicorn refuses a request line past 4094 bytes, so a
#: longer one never reaches the portal. Form fields have no such limit.
LONG_URL_PART = 4000
LONG_FIELD = 100_000
BAD_IN_URL = {"NUL byte": "%00", "invalid UTF-8": "%C3%28%FF%FE", "oversized": "a" * LONG_URL_PART}


@dataclass
class Sweep:
    client: Client
    requests: int = 0
    server_errors: list = field(default_factory=list)

    def send(self, method, url, what, **kwargs):
        cache.clear()  # rate limits would answer 429 before the view reads anything
        response = getattr(self.client, method)(url, **kwargs)
        self.requests += 1
        if response.status_code >= 500:
            self.server_errors.append(f"{response.status_code} {method.upper()} {what}")
        return response

    def report(self) -> str:
        return f"{self.requests} requests, {len(self.server_errors)} answered 500 or more"


def bad_form_bodies(fields: dict, each_field=True):
    """(what, keyword arguments for ``Client.post``) with every field bad at once, then each
    field bad on its own while the others hold what a person would type."""
    targets = [("all fields", list(fields))]
    if each_field:
        targets += [(name, [name]) for name in fields]
    for label, names in targets:
        for kind, value in (("NUL byte", "a\x00b"), ("oversized", "a" * LONG_FIELD)):
            yield f"{kind} in {label}", {"data": {**fields, **dict.fromkeys(names, value)}}
        body = "&".join(
            f"{quote(name)}={'%FF%FE' if name in names else quote(str(value))}"
            for name, value in fields.items()
        )
        yield (
            f"invalid UTF-8 in {label}",
            {"data": body, "content_type": "application/x-www-form-urlencoded"},
        )


def sweep_endpoint(sweep, endpoint):
    url = endpoint.url()
    page = sweep.send("get", url, url)
    is_html = "html" in page.get("Content-Type", "")
    html = page.content.decode(errors="replace") if page.status_code == 200 and is_html else ""
    found = read_page(url, html)
    # Path: a bad value in each text placeholder, and as an extra segment.
    for kind, bad in BAD_IN_URL.items():
        if endpoint.has_text_placeholder:
            sweep.send("get", endpoint.url(bad), f"{url} with a {kind} in the path")
        sweep.send("get", f"{url.rstrip('/')}/{bad}/", f"{url} + /<{kind}>/")
    # Query string: every parameter the page's links and forms send (or the API knows) on
    # its own, then every name a view of the portal reads at once.
    keys = found.query_keys | api_query_keys(url) | {"page", "pagina"}
    if not is_html:  # JSON, feeds, calendars: no links to learn from
        keys |= set(KEYS)
    keys = sorted(keys)
    for kind, bad in BAD_IN_URL.items():
        for key in keys:
            sweep.send("get", f"{url}?{quote(key)}={bad}", f"{url}?{key}=<{kind}>")
        query = "&".join(f"{key}={bad}" for key in KEYS)
        sweep.send("get", f"{url}?{query}", f"{url}?<{kind} in every parameter>")
    # Form bodies: the forms the page shows, field by field; else the public forms' names.
    forms = [form for form in found.forms if form.fields]
    for form in forms:
        for what, kwargs in bad_form_bodies(form.fields):
            sweep.send("post", form.action, f"POST {form.action} {what}", **kwargs)
    if not forms:
        fallback = dict.fromkeys(FORM_FIELD_NAMES, "Jan")
        for what, kwargs in bad_form_bodies(fallback, each_field=False):
            sweep.send("post", url, f"POST {url} {what}", **kwargs)


FORM_FIELD_NAMES = ["name", "email", "naam", "username", "password", "q", "token"]


@pytest.mark.slow
def test_every_public_endpoint_takes_nul_bytes_invalid_utf8_and_oversized_input(
    site, settings, capsys
):
    settings.AXES_ENABLED = True  # the login records failed attempts, as in production
    settings.AXES_FAILURE_LIMIT = 10**6
    endpoints = public_endpoints()
    templates = {endpoint.template for endpoint in endpoints}
    # Found, not listed: views of the URLconf, pages of the tree and the routes of pages.
    assert {
        "api/v2/pages/<int:pk>/",
        "uitnodiging/<str:token>/",
        "inloggen/",
        "zoeken/",
        "blijf-op-de-hoogte/bevestigen/<str:token>/",
        "mijn-gegevens/<str:token>/verwijderen/",
        site["form"].url,
        f"{site['event'].url}aanmelden/",
        f"{site['point'].url}doe-mee/",
    } <= templates
    sweep = Sweep(Client(raise_request_exception=False))

    for endpoint in endpoints:
        sweep_endpoint(sweep, endpoint)

    with capsys.disabled():
        print(f"\nfuzz: {len(endpoints)} endpoints, {sweep.report()}")
    assert sweep.server_errors == [], sweep.report() + ":\n" + "\n".join(sweep.server_errors)


# The answers the sweep expects, one by one --------------------------------------------------

READ_ERROR = "kunnen we niet lezen"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/pages/?locale=%00",
        "/api/v2/pages/find/?html_path=%00",
    ],
)
def test_a_nul_byte_in_an_api_query_is_a_dutch_400(municipality, url):
    """The first three were 500s on PostgreSQL (issue #16)."""
    response = Client().get(url)

    assert response.status_code == 400
    assert (
        "Het adres of het formulier bevat iets wat we niet kunnen lezen"
        in (response.json()["message"])
    )


@pytest.mark.parametrize("url", ["/uitnodiging/%00/", "/kalender/%00/1.ics", "/beesd/%00/"])
def test_a_nul_byte_in_an_address_is_a_dutch_400(beesd, url):
    response = Client().get(url)

    assert response.status_code == 400
    assert READ_ERROR in response.content.decode()
    assert response["Content-Security-Policy"]  # the headers of every page still apply


def test_a_nul_byte_in_a_pages_query_is_left_out(client, beesd):
    """A search or filter with a NUL byte gets the page of what was meant (search's own tests
    hold the rest of the odd queries)."""
    html = client.get("/zoeken/?q=bee%00sd").content.decode()

    assert 'id="search-page-query" type="search" name="q" value="beesd"' in html


@pytest.mark.parametrize(
    ("url", "status"),
    [("/beesd/%FF%FE/", 404), ("/zoeken/?q=caf%E9", 200), ("/api/v2/pages/?search=%FF", 200)],
)
def test_invalid_utf8_is_read_by_django_and_needs_no_refusal(beesd, url, status):
    """Django percent-encodes a path that is not UTF-8 again and reads a query with U+FFFD."""
    assert Client().get(url).status_code == status


def test_a_nul_byte_in_a_form_or_a_cookie_is_a_400_and_nothing_is_stored(site):
    from events.models import Registration

    url = f"{site['event'].url}aanmelden/"
    form = {"name": "Jan\x00", "email": "jan@example.nl"}

    assert Client().post(url, form).status_code == 400
    assert Client().post(url, {**form, "name": "Jan"}).status_code == 302  # the form works
    assert list(Registration.objects.values_list("name", flat=True)) == ["Jan"]
    # A cookie may write NUL as an escape inside quotes; Django's cookie reader turns it back.
    assert Client(HTTP_COOKIE='sessionid="abcdefgh\\000"').get("/").status_code == 400


def test_an_oversized_user_name_gets_a_form_error_and_reaches_no_login_check(client, settings):
    """Django's login form never checks the length of the user name (it only tells the
    browser); django-axes then stored all 100,000 characters in its 255: a 500 on PostgreSQL."""
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True

    response = client.post("/inloggen/", {"username": "a" * 100_000, "password": "geheim"})

    assert response.status_code == 200
    assert "Zorg dat deze waarde niet meer dan 150 tekens bevat" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_django_axes_records_a_long_user_name_cut_to_its_column(client, settings):
    """Django's own admin login has the same form; what axes stores is cut to 255."""
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True

    response = client.post("/django-admin/login/", {"username": "b" * 300, "password": "x"})

    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "b" * 255


# Member tools: a resident's dossier and the group chat ----------------------------------------


@dataclass
class Tools:
    owner: object
    member: object
    board: object
    dossier: object
    note: object
    urls: dict = field(default_factory=dict)


@pytest.fixture
def tools(beesd, make_user):
    from dossiers.models import Dossier
    from members.models import BoardAreaPage, Workspace
    from members.services import add_member

    board = Workspace.objects.get(page=BoardAreaPage.objects.child_of(beesd).get())
    owner = make_user("bewoner", email="bewoner@example.nl", first_name="Ans")
    member = make_user("lid-beesd", email="lid@beesd.example", first_name="Henk")
    add_member(board, member)
    dossier = Dossier.objects.create(owner=owner, title="Dijkversterking")
    note = dossier.items.create(kind="note", title="Gesprek", text="Met de aannemer.")
    base = f"/mijn-dossier/{dossier.pk}/"
    urls = {
        "new dossier": "/mijn-dossier/",
        "add item": f"{base}toevoegen/",
        "share": f"{base}delen/",
        "chat": "/beesd/bestuur/chat/",
    }
    return Tools(owner, member, board, dossier, note, urls)


def stored(tools) -> tuple:
    """What the member tools hold: dossiers, items, shares and chat messages."""
    from dossiers.models import Dossier, DossierItem, DossierShare
    from members.models import ChatMessage

    return tuple(
        model.objects.count() for model in (Dossier, DossierItem, DossierShare, ChatMessage)
    )


def tools_client(tools, url):
    client = Client(raise_request_exception=True)
    client.force_login(tools.member if url.endswith("/chat/") else tools.owner)
    return client


def upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


PAST = (timezone.localdate() - timedelta(days=1)).isoformat()
TOOL_CASES = {
    "chat: 10,000 characters": ("chat", {"text": "x" * 10_000}, "niet meer dan 1000 tekens"),
    "chat: empty": ("chat", {"text": ""}, "Schrijf eerst een bericht."),
    "chat: spaces only": ("chat", {"text": " \n\t "}, "Schrijf eerst een bericht."),
    "chat: no field": ("chat", {}, "Schrijf eerst een bericht."),
    "chat: NUL byte": ("chat", {"text": "Hallo\x00"}, None),
    "dossier: 10,000-character title": (
        "new dossier",
        {"title": "x" * 10_000},
        "niet meer dan 200",
    ),
    "dossier: no title": ("new dossier", {"title": ""}, "Dit is een verplicht veld."),
    "item: 100,000-character note": (
        "add item",
        {"kind": "note", "title": "Lang", "text": "x" * 100_000},
        "niet meer dan 20000",
    ),
    "item: unknown kind": (
        "add item",
        {"kind": "<script>", "title": "x"},
        "Selecteer een geldige keuze",
    ),
    "item: HTML file": (
        "add item",
        {"kind": "file", "title": "Pagina", "file": ("pagina.html", b"<html><script>alert(1)")},
        "SVG-, HTML- en XML-bestanden",
    ),
    "item: program": (
        "add item",
        {"kind": "file", "title": "Prog", "file": ("run.exe", b"MZ\x90")},
        "kun je niet uploaden",
    ),
    "item: SVG as photo": (
        "add item",
        {"kind": "photo", "title": "Foto", "file": ("foto.svg", b"<svg onload=alert(1)>")},
        "kun je niet uploaden",
    ),
    "item: PDF that is none": (
        "add item",
        {"kind": "file", "title": "Nep", "file": ("nep.pdf", b"%PDX")},
        "geen echt PDF",
    ),
    "share: unknown address": (
        "share",
        {"target": "user", "email": "niemand@example.nl"},
        "Er is geen account met dit e-mailadres",
    ),
    "share: not an address": (
        "share",
        {"target": "user", "email": "<script>@"},
        "geldig e-mailadres",
    ),
    "share: end date in the past": (
        "share",
        {"target": "user", "email": "lid@beesd.example", "ends_on": PAST},
        "Deze datum is al voorbij",
    ),
    "share: end date out of range": (
        "share",
        {"target": "user", "email": "lid@beesd.example", "ends_on": "99999-01-01"},
        "geldige datum",
    ),
    "share: unknown board": (
        "share",
        {"target": "workspace", "workspace": "9" * 30},
        "Selecteer een geldige keuze",
    ),
    "share: unknown organisation": (
        "share",
        {"target": "organisation", "organisation": "-1"},
        "Selecteer een geldige keuze",
    ),
    "share: unknown item": (
        "share",
        {"target": "user", "email": "lid@beesd.example", "item": "abc"},
        "Selecteer een geldige keuze",
    ),
}


@pytest.mark.parametrize("case", TOOL_CASES)
def test_bad_input_to_the_member_tools_gets_a_dutch_400_and_stores_nothing(tools, case):
    target, data, message = TOOL_CASES[case]
    data = {
        name: upload(*value) if isinstance(value, tuple) else value for name, value in data.items()
    }
    before = stored(tools)

    response = tools_client(tools, tools.urls[target]).post(tools.urls[target], data)

    assert response.status_code == 400, case
    if message:
        assert message in response.content.decode(), case
    assert stored(tools) == before, case


def test_an_oversized_dossier_file_is_refused_and_nothing_stored(tools, settings):
    settings.DOSSIER_MAX_UPLOAD_SIZE = 1000
    before = stored(tools)
    client = tools_client(tools, tools.urls["add item"])

    response = client.post(
        tools.urls["add item"],
        {
            "kind": "photo",
            "title": "Groot",
            "file": upload("groot.jpg", b"\xff\xd8\xff" + b"0" * 5000),
        },
    )

    assert response.status_code == 400
    assert "Dit bestand is te groot" in response.content.decode()
    assert stored(tools) == before


def test_a_chat_message_of_10000_characters_by_script_gets_a_dutch_json_400(tools):
    url = tools.urls["chat"]
    response = tools_client(tools, url).post(
        url, {"text": "x" * 10_000}, HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 400
    assert "niet meer dan 1000 tekens" in response.json()["errors"][0]
    assert stored(tools)[3] == 0


tool_data = st.dictionaries(
    st.sampled_from(
        [
            "text",
            "title",
            "description",
            "kind",
            "target",
            "email",
            "workspace",
            "organisation",
            "item",
            "ends_on",
        ]
    ),
    st.one_of(values, st.lists(values, min_size=2, max_size=3)),
    max_size=6,
)


def test_every_member_tool_form_takes_any_post(tools):
    """Any POST to the dossier forms and the chat: never a 500, and whatever is refused stores
    nothing."""

    @given(target=st.sampled_from(sorted(tools.urls)), data=tool_data)
    def fuzz(target, data):
        url = tools.urls[target]
        before = stored(tools)
        response = tools_client(tools, url).post(url, data)
        assert_no_server_error(response, f"POST {url} {data!r}")
        if response.status_code >= 400:
            assert stored(tools) == before, f"POST {url} {data!r}"

    fuzz()
