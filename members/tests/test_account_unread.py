"""The unread chat counts on /mijn-account/: right per workspace, and the page's queries stay
the same with one workspace and one message as with ten workspaces of ten messages each."""

import pytest

from members import chat, services
from members.factories import ProjectPageFactory
from members.models import ProjectIndexPage, Workspace

pytestmark = pytest.mark.django_db

ACCOUNT = "/mijn-account/"

#: Session, user, profile, the workspaces with their unread counts (one query), site, the
#: user's organisations and the threads addressed to them, permissions (2), the menu's pages.
ACCOUNT_QUERIES = 9


@pytest.fixture
def reader(make_user):
    return make_user("lezer", email="lezer@example.nl", first_name="Lies")


@pytest.fixture
def writer(make_user):
    return make_user("schrijver", email="schrijver@example.nl", first_name="Sjaak")


def project(municipality, kernen, number, reader, writer, messages):
    page = ProjectPageFactory(
        parent=ProjectIndexPage.objects.child_of(municipality).get(),
        title=f"Project {number:02}",
        kernen=kernen,
    )
    workspace = Workspace.objects.get(page=page)
    services.add_member(workspace, reader)
    services.add_member(workspace, writer)
    for message in range(messages):
        chat.post_message(workspace, writer, f"Bericht {message} in project {number}")
    return workspace


def test_the_account_page_shows_the_unread_count_of_each_workspace_in_fixed_queries(
    client, municipality, beesd, reader, writer, count_queries
):
    first = project(municipality, [beesd], 1, reader, writer, messages=1)
    client.force_login(reader)

    response, one = count_queries(client, ACCOUNT)
    assert "1 ongelezen chatbericht" in response.content.decode()

    for number in range(2, 11):
        project(municipality, [beesd], number, reader, writer, messages=10)
    for message in range(9):
        chat.post_message(first, writer, f"Nog een bericht {message}")

    response, ten = count_queries(client, ACCOUNT)
    html = response.content.decode()
    assert html.count("10 ongelezen chatberichten") == 10
    assert Workspace.objects.filter(memberships__user=reader).count() == 10
    assert (one, ten) == (ACCOUNT_QUERIES, ACCOUNT_QUERIES)


def test_own_and_read_messages_are_not_counted(client, municipality, beesd, reader, writer):
    workspace = project(municipality, [beesd], 1, reader, writer, messages=3)
    chat.post_message(workspace, reader, "Mijn eigen bericht")  # reads up to here
    chat.post_message(workspace, writer, "Na het mijne")
    client.force_login(reader)

    html = client.get(ACCOUNT).content.decode()

    assert "1 ongelezen chatbericht" in html
    client.force_login(writer)
    assert "ongelezen chat" not in client.get(ACCOUNT).content.decode()
