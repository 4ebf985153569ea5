"""Organisations: their access to the workspaces a board invited them into (every private URL
kind), what a read-only organisation may not do, threads addressed to them with their
e-mail, the public profile and its edit form with bad input."""

import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import CollectionViewRestriction, PageViewRestriction

import pytest
from PIL import Image

from members import chat, services
from members.constants import AccessRole
from members.factories import OrganisationFactory
from members.models import Organisation, OrganisationAccess, Thread
from members.tests.test_access import board_urls, project_urls, statuses

pytestmark = pytest.mark.django_db

BOARD = "/beesd/bestuur/"


@pytest.fixture
def organisation(world, municipality, make_user):
    organisation = OrganisationFactory(
        home=municipality, name="Waterschap Rivierenland", kernen=[world.beesd, world.heukelum]
    )
    member = make_user("waterschap", email="info@waterschap.example", first_name="Wim")
    services.add_organisation_member(organisation, member)
    organisation.member = member
    return organisation


def invite(world, organisation, role, workspace=None):
    return services.invite_organisation(
        workspace or world.board, organisation, role, invited_by=world.users["chair"]
    )


def png(size=(40, 40), extra=0):
    buffer = io.BytesIO()
    Image.new("RGB", size, "blue").save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * extra


# Access matrix: every private URL kind × an organisation's member -------------------------


@pytest.mark.parametrize(
    ("state", "board", "project"),
    [
        ("invited read", 200, 403),
        ("invited post", 200, 403),
        ("invited into the project", 403, 200),
        ("not invited", 403, 403),
        ("access ended", 403, 403),
        ("organisation deleted", 403, 403),
    ],
)
def test_access_matrix_of_an_organisation_member(
    client, world, organisation, state, board, project
):
    member = organisation.member
    if state == "invited read":
        invite(world, organisation, AccessRole.READ)
    elif state == "invited post":
        invite(world, organisation, AccessRole.POST)
    elif state == "invited into the project":
        invite(world, organisation, AccessRole.READ, world.project)
    elif state == "access ended":
        access = invite(world, organisation, AccessRole.POST)
        services.end_organisation_access(world.board, access.pk)
    elif state == "organisation deleted":
        invite(world, organisation, AccessRole.POST)
        organisation.delete()
    client.force_login(member)

    urls = {**board_urls(world), "organisations": f"{BOARD}organisaties/"}
    assert set(statuses(client, urls).values()) == {board}
    assert set(statuses(client, project_urls(world)).values()) == {project}
    assert client.get("/heukelum/bestuur/").status_code == 403  # never another workspace


def test_an_invitation_and_its_end_are_mirrored_in_the_view_restrictions(world, organisation):
    access = invite(world, organisation, AccessRole.READ)
    page_groups = PageViewRestriction.objects.get(page=world.board.page).groups
    collection = CollectionViewRestriction.objects.get(collection=world.board.collection)
    assert page_groups.filter(pk=organisation.group_id).exists()
    assert collection.groups.filter(pk=organisation.group_id).exists()

    services.end_organisation_access(world.board, access.pk)

    assert not page_groups.filter(pk=organisation.group_id).exists()
    assert not collection.groups.filter(pk=organisation.group_id).exists()
    assert not world.board.access_groups.filter(pk=organisation.group_id).exists()


def test_deleting_the_organisation_ends_every_access(world, organisation):
    invite(world, organisation, AccessRole.POST)
    invite(world, organisation, AccessRole.READ, world.project)
    group_id = organisation.group_id

    organisation.delete()

    assert not OrganisationAccess.objects.exists()
    assert not world.board.access_groups.filter(pk=group_id).exists()
    assert not world.project.access_groups.filter(pk=group_id).exists()
    assert not PageViewRestriction.objects.filter(groups=group_id).exists()


# Reading is not posting -------------------------------------------------------------------


def posts(world):
    content = world.content
    return [
        (f"{BOARD}berichten/", {"title": "Vraag", "body": "Hallo"}),
        (f"{BOARD}berichten/{content['thread'].pk}/", {"body": "Reactie"}),
        (f"{BOARD}vergaderingen/{content['meeting'].pk}/", {"action": "answer", "answer": "yes"}),
        (f"{BOARD}peilingen/{content['poll'].pk}/", {"option": content["poll"].options.first().pk}),
        (f"{BOARD}documenten/", {"title": "Brief", "file": SimpleUploadedFile("b.png", png())}),
    ]


def test_an_organisation_invited_to_read_may_not_post_anything(client, world, organisation):
    invite(world, organisation, AccessRole.READ)
    client.force_login(organisation.member)
    threads = Thread.objects.count()

    for url, data in posts(world):
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "Uw organisatie mag in deze werkruimte lezen, niet schrijven." in (
            response.content.decode()
        )
    assert Thread.objects.count() == threads
    assert not world.content["meeting"].responses.filter(user=organisation.member).exists()


def test_an_organisation_invited_to_post_posts(client, world, organisation):
    invite(world, organisation, AccessRole.POST)
    client.force_login(organisation.member)

    for url, data in posts(world):
        assert client.post(url, data).status_code == 302, url
    assert Thread.objects.filter(title="Vraag", author=organisation.member).exists()


READ_ONLY_LINE = "Uw organisatie mag in deze werkruimte lezen, niet schrijven."


def write_pages(world):
    """Every page of the Beesd board with a form to write, and what it shows to read."""
    content = world.content
    return {
        f"{BOARD}documenten/": "Jaarverslag",
        f"{BOARD}vergaderingen/": "Bestuursvergadering",
        f"{BOARD}vergaderingen/{content['meeting'].pk}/": "Bestuursvergadering",
        f"{BOARD}berichten/": "Dorpsdag",
        f"{BOARD}berichten/{content['thread'].pk}/": "Wie helpt mee?",
        f"{BOARD}peilingen/": "Welke avond?",
        f"{BOARD}peilingen/{content['poll'].pk}/": "Maandag",
        f"{BOARD}chat/": "Wie heeft de sleutel?",
    }


@pytest.fixture
def chat_message(world):
    return chat.post_message(world.board, world.users["chair"], "Wie heeft de sleutel?")


def test_an_organisation_invited_to_read_sees_the_pages_without_forms_to_write(
    client, world, organisation, chat_message
):
    invite(world, organisation, AccessRole.READ)
    client.force_login(organisation.member)

    for url, text in write_pages(world).items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert text in html, url
        assert 'method="post"' not in html, url
        assert html.count(READ_ONLY_LINE) == 1, url
    chat_page = client.get(f"{BOARD}chat/").content.decode()
    assert "chat.js" not in chat_page  # the script that polls and posts needs the form
    assert 'id="chat-form"' not in chat_page


@pytest.mark.parametrize("who", ["invited to post", "board member"])
def test_who_may_write_sees_the_forms_and_not_the_read_only_line(
    client, world, organisation, chat_message, who
):
    invite(world, organisation, AccessRole.POST)
    client.force_login(organisation.member if who == "invited to post" else world.users["chair"])

    for url in write_pages(world):
        html = client.get(url).content.decode()
        assert 'method="post"' in html, url
        assert READ_ONLY_LINE not in html, url
    assert "chat.js" in client.get(f"{BOARD}chat/").content.decode()


# A board invites and ends; others may not --------------------------------------------------


def test_a_board_member_invites_an_organisation_and_ends_its_access(client, world, organisation):
    client.force_login(world.users["own_board"])
    response = client.post(
        f"{BOARD}organisaties/",
        {"action": "invite", "organisation": organisation.pk, "role": AccessRole.READ},
    )
    assert response.status_code == 302
    access = OrganisationAccess.objects.get(workspace=world.board, organisation=organisation)
    assert access.role == AccessRole.READ
    assert "Waterschap Rivierenland" in client.get(f"{BOARD}organisaties/").content.decode()

    response = client.post(f"{BOARD}organisaties/", {"action": "end", "access": access.pk})

    assert response.status_code == 302
    assert not OrganisationAccess.objects.exists()
    client.force_login(organisation.member)
    assert client.get(BOARD).status_code == 403


@pytest.mark.parametrize("who", ["assigned_broker", "organisation"])
def test_a_guest_of_the_board_may_not_invite_or_end(client, world, organisation, who):
    access = invite(world, organisation, AccessRole.POST)
    user = organisation.member if who == "organisation" else world.users[who]
    client.force_login(user)

    ended = client.post(f"{BOARD}organisaties/", {"action": "end", "access": access.pk})
    invited = client.post(
        f"{BOARD}organisaties/",
        {"action": "invite", "organisation": organisation.pk, "role": AccessRole.POST},
    )

    assert ended.status_code == invited.status_code == 403
    assert OrganisationAccess.objects.filter(pk=access.pk).exists()


@pytest.mark.parametrize("value", ["abc", "", "999999"])
def test_ending_an_unknown_access_is_not_found(client, world, organisation, value):
    invite(world, organisation, AccessRole.READ)
    client.force_login(world.users["chair"])

    response = client.post(f"{BOARD}organisaties/", {"action": "end", "access": value})

    assert response.status_code == 404
    assert OrganisationAccess.objects.count() == 1


def test_an_organisation_of_another_municipality_cannot_be_invited(client, world, organisation):
    other = OrganisationFactory(home=world.beesd, name="Elders")  # not a municipality of ours
    client.force_login(world.users["chair"])

    response = client.post(
        f"{BOARD}organisaties/", {"action": "invite", "organisation": other.pk, "role": "read"}
    )

    assert response.status_code == 400
    assert "Kies een van de organisaties uit de lijst." in response.content.decode()
    assert not OrganisationAccess.objects.exists()


# Threads addressed to an organisation -------------------------------------------------------


def test_a_thread_to_an_organisation_reaches_its_members_and_their_account_page(
    client, world, organisation, django_capture_on_commit_callbacks
):
    invite(world, organisation, AccessRole.READ)
    client.force_login(world.users["chair"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BOARD}berichten/",
            {
                "title": "Dijkversterking",
                "body": "Wanneer begint het?",
                "organisation": organisation.pk,
            },
        )
    assert response.status_code == 302
    assert "info@waterschap.example" in [m.to[0] for m in mail.outbox]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BOARD}berichten/", {"title": "Intern", "body": "Alleen het bestuur"})
    assert "info@waterschap.example" not in [m.to[0] for m in mail.outbox]

    client.force_login(organisation.member)
    html = client.get("/mijn-account/").content.decode()
    assert "Dijkversterking" in html
    assert "Intern" not in html


# The public profile ---------------------------------------------------------------------------


def test_the_profile_pages_are_public_and_their_queries_do_not_grow(
    client, world, organisation, municipality, count_queries
):
    _response, few = count_queries(client, "/organisaties/")
    for _number in range(4):
        OrganisationFactory(home=municipality, kernen=[world.beesd, world.heukelum])
    response, many = count_queries(client, "/organisaties/")
    profile, profile_queries = count_queries(client, "/organisaties/waterschap-rivierenland/")

    assert response.status_code == profile.status_code == 200
    assert response.content.decode().count('class="card"') == 5
    assert few == many
    html = profile.content.decode()
    assert "Waterschap Rivierenland" in html and "Heukelum" in html
    assert "Dit profiel bewerken" not in html
    assert profile_queries <= 12
    assert client.get("/organisaties/bestaat-niet/").status_code == 404


def test_only_its_members_edit_the_profile(client, world, organisation):
    url = "/organisaties/waterschap-rivierenland/bewerken/"
    assert client.get(url).status_code == 302
    client.force_login(world.users["chair"])
    assert client.get(url).status_code == 403

    client.force_login(organisation.member)
    response = client.post(url, {"description": "Wij beheren de dijken.", "website": ""})

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Wij beheren de dijken."


@pytest.mark.parametrize(
    ("data", "files", "message"),
    [
        ({"website": "javascript:alert(1)"}, {}, "begint met http:// of https://"),
        ({"website": "ftp://example.org/"}, {}, "begint met http:// of https://"),
        ({"description": "<b>Wij</b>"}, {}, "Gebruik hier geen HTML"),
        ({"phone": "<script>x</script>"}, {}, "Gebruik hier geen HTML"),
        ({}, {"logo": ("logo.png", b"%PDF-1.4 not an image")}, "afbeelding"),
        ({}, {"logo": ("logo.png", png(extra=1_100_000))}, "Dit bestand is te groot"),
        ({}, {"logo": ("logo.svg", b"<svg></svg>")}, "afbeelding"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_nothing_is_stored(
    client, world, organisation, data, files, message
):
    client.force_login(organisation.member)
    before = Organisation.objects.values().get(pk=organisation.pk)
    post = {"description": "Nieuw", "website": "https://example.org", **data}
    for name, (filename, content) in files.items():
        post[name] = SimpleUploadedFile(filename, content)

    response = client.post("/organisaties/waterschap-rivierenland/bewerken/", post)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Organisation.objects.values().get(pk=organisation.pk) == before


def test_a_logo_is_stored_and_shown(client, world, organisation):
    client.force_login(organisation.member)
    response = client.post(
        "/organisaties/waterschap-rivierenland/bewerken/",
        {"description": "Wij", "logo": SimpleUploadedFile("logo.png", png())},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo
    html = client.get("/organisaties/waterschap-rivierenland/").content.decode()
    assert 'alt="Logo van Waterschap Rivierenland"' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Kernen we work for"), ("pl", "Miejscowości, dla których pracujemy")],
)
def test_the_profile_in_english_and_polish(client, world, organisation, languages, language, text):
    response = client.get(f"/{language}/organisaties/waterschap-rivierenland/")

    assert response.status_code == 200
    assert text in response.content.decode()


@pytest.mark.slow
def test_the_demo_has_three_organisations_one_in_a_project_of_three_kernen(client, demo):
    html = client.get("/organisaties/").content.decode()
    for name in ("Waterschap Rivierenland", "Woonstichting De Kernen", "Wijkagenten West Betuwe"):
        assert name in html
    access = OrganisationAccess.objects.get(organisation__slug="woonstichting-de-kernen")
    assert access.workspace.page.specific.kernen.count() == 3

    assert client.login(username="woonstichting-de-kernen", password="demo-wachtwoord")
    assert client.get(f"{access.workspace.page.url}werkruimte/").status_code == 200
    assert client.get("/beesd/bestuur/").status_code == 403
    assert "Zonnepanelen op de huurwoningen?" in client.get("/mijn-account/").content.decode()
