"""The group chat of a workspace: who reads and posts, the page without JavaScript, the poll
that returns only newer messages, bad input, unread counts and the cost of a poll."""

from django.core.cache import cache

import pytest

from members import chat
from members.chat_demo import load_chat_demo
from members.models import ChatMessage, ChatReadMarker

pytestmark = pytest.mark.django_db

CHAT = "/beesd/bestuur/chat/"
POLL = "/beesd/bestuur/chat/nieuw/"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def said(world):
    """Two messages in the Beesd board's chat, by the chair."""
    chair = world.users["chair"]
    return [
        chat.post_message(world.board, chair, "Wie heeft de sleutel van het dorpshuis?"),
        chat.post_message(world.board, chair, "Om 19.30 uur begint het overleg."),
    ]


@pytest.mark.parametrize("who", ["chair", "own_board", "assigned_broker"])
def test_members_and_the_kern_s_gebiedsmakelaar_read_and_post_without_javascript(
    client, world, said, who
):
    client.force_login(world.users[who])

    page = client.get(CHAT)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Wie heeft de sleutel van het dorpshuis?" in html
    assert 'action="' not in html.split('id="chat-form"')[1].split(">")[0]

    response = client.post(CHAT, {"text": "Ik heb hem, kom maar langs."})
    assert response.status_code == 302
    assert response.url == CHAT
    assert "Ik heb hem, kom maar langs." in client.get(CHAT).content.decode()
    assert ChatMessage.objects.get(text="Ik heb hem, kom maar langs.").author == world.users[who]


@pytest.mark.parametrize("who", ["other_board", "unassigned_broker", "project_member", "removed"])
def test_others_neither_read_nor_post(client, world, said, who):
    client.force_login(world.users[who])

    assert client.get(CHAT).status_code == 403
    assert client.get(POLL, {"na": 0}).status_code == 403
    assert client.post(CHAT, {"text": "Ik lees mee"}).status_code == 403
    assert client.post(CHAT, {"text": "Ik lees mee"}, **JSON).status_code == 403
    assert not ChatMessage.objects.filter(text="Ik lees mee").exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, world, said):
    for response in (client.get(CHAT), client.get(POLL), client.post(CHAT, {"text": "Hallo"})):
        assert response.status_code == 302
        assert response.url.startswith("/inloggen/?next=")
    assert ChatMessage.objects.count() == 2


def test_the_project_chat_is_for_project_members(client, world):
    url = f"{world.project_page.url}chat/"
    client.force_login(world.users["project_member"])
    assert client.post(url, {"text": "Offerte binnen"}).status_code == 302
    client.force_login(world.users["own_board"])
    assert client.get(url).status_code == 403
    assert world.project.chat_messages.get().text == "Offerte binnen"


def test_the_poll_returns_only_newer_messages(client, world, said):
    client.force_login(world.users["own_board"])
    first, second = said

    everything = client.get(POLL, {"na": 0}).json()["messages"]
    newer = client.get(POLL, {"na": first.pk}).json()["messages"]
    nothing = client.get(POLL, {"na": second.pk}).json()["messages"]

    assert [m["id"] for m in everything] == [first.pk, second.pk]
    assert [m["text"] for m in newer] == ["Om 19.30 uur begint het overleg."]
    assert newer[0]["author"] == "Marieke"
    assert nothing == []


def test_a_message_posted_by_script_comes_back_as_json(client, world, said):
    client.force_login(world.users["own_board"])

    response = client.post(CHAT, {"text": "Ik kom ook"}, **JSON)

    assert response.status_code == 201
    message = response.json()["message"]
    assert message["text"] == "Ik kom ook"
    assert [m["id"] for m in client.get(POLL, {"na": said[1].pk}).json()["messages"]] == [
        message["id"]
    ]


def test_a_message_of_another_workspace_never_reaches_the_poll(client, world, said):
    chat.post_message(world.other_board, world.users["other_board"], "Alleen voor Heukelum")
    client.force_login(world.users["own_board"])

    texts = [m["text"] for m in client.get(POLL, {"na": 0}).json()["messages"]]

    assert "Alleen voor Heukelum" not in texts


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 1001, "x" * 10_000],
    ids=["empty", "spaces", "1001", "10000"],
)
def test_an_empty_or_too_long_message_is_refused_and_nothing_stored(client, world, text):
    client.force_login(world.users["own_board"])

    page = client.post(CHAT, {"text": text})
    script = client.post(CHAT, {"text": text}, **JSON)

    assert page.status_code == 400
    html = page.content.decode()
    assert "form-field__error" in html
    assert "Schrijf eerst een bericht." in html or "1000 tekens" in html
    assert script.status_code == 400
    assert script.json()["errors"]
    assert not ChatMessage.objects.exists()


def test_a_message_of_exactly_1000_characters_is_kept(client, world):
    client.force_login(world.users["own_board"])

    assert client.post(CHAT, {"text": "x" * 1000}).status_code == 302
    assert len(ChatMessage.objects.get().text) == 1000


def test_html_and_scripts_are_shown_as_text(client, world):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.force_login(world.users["own_board"])
    client.post(CHAT, {"text": evil})

    html = client.get(CHAT).content.decode()
    polled = client.get(POLL, {"na": 0})

    assert evil not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img" in html
    assert polled["Content-Type"] == "application/json"
    assert polled.json()["messages"][0]["text"] == evil


@pytest.mark.parametrize("after", ["abc", "-1", "1.5", "٣", "9" * 30, "1e3"])
def test_a_poll_with_a_bad_id_gets_a_clear_400(client, world, after):
    client.force_login(world.users["own_board"])

    response = client.get(POLL, {"na": after})

    assert response.status_code == 400
    assert "nummer van een bericht" in response.json()["errors"][0]


def test_unread_counts_show_on_the_account_page(client, world, said):
    member = world.users["own_board"]
    client.force_login(member)

    before = client.get("/mijn-account/").content.decode()
    client.get(CHAT)
    after = client.get("/mijn-account/").content.decode()

    assert "2 ongelezen chatberichten" in before
    assert "ongelezen chat" not in after


def test_reading_by_poll_and_posting_move_the_marker(client, world, said):
    member = world.users["own_board"]
    client.force_login(member)
    client.get(CHAT)
    newer = chat.post_message(world.board, world.users["chair"], "Nog iets")
    assert list(
        chat.with_unread_counts(
            world.board.__class__.objects.filter(pk=world.board.pk), member
        ).values_list("chat_unread", flat=True)
    ) == [1]

    client.get(POLL, {"na": said[1].pk})

    assert ChatReadMarker.objects.get(user=member, workspace=world.board).last_read_id == newer.pk
    own = chat.post_message(world.board, member, "Eigen bericht")
    assert ChatReadMarker.objects.get(user=member, workspace=world.board).last_read_id == own.pk


def test_an_idle_poll_costs_no_sql_after_the_access_check(
    client, world, said, django_assert_num_queries
):
    client.force_login(world.users["own_board"])
    client.get(POLL, {"na": said[1].pk})  # warms the cache

    with django_assert_num_queries(IDLE_POLL_QUERIES):
        response = client.get(POLL, {"na": said[1].pk})
    assert response.json() == {"messages": []}


def test_a_poll_with_news_costs_two_more_queries(
    client, world, said, django_assert_num_queries, django_capture_on_commit_callbacks
):
    client.force_login(world.users["own_board"])
    client.get(POLL, {"na": said[1].pk})
    with django_capture_on_commit_callbacks(execute=True):
        chat.post_message(world.board, world.users["chair"], "Nieuw")

    with django_assert_num_queries(IDLE_POLL_QUERIES + 2):
        response = client.get(POLL, {"na": said[1].pk})
    assert len(response.json()["messages"]) == 1


def test_the_chat_page_s_queries_are_pinned(client, world, said, django_assert_num_queries):
    client.force_login(world.users["own_board"])
    client.get(CHAT)
    for number in range(30):
        chat.post_message(world.board, world.users["chair"], f"Bericht {number}")

    with django_assert_num_queries(CHAT_PAGE_QUERIES):
        assert client.get(CHAT).status_code == 200


#: Site, routing to the board area (4: the home page's own row is not needed, home.views.route),
#: session, user, workspace with the access check.
IDLE_POLL_QUERIES = 8
CHAT_PAGE_QUERIES = 13


def test_the_demo_fills_the_beesd_board_s_chat_once(world, make_user, municipality):
    for username in ("bestuur-beesd", "penningmeester-beesd", "secretaris-beesd"):
        make_user(username)

    load_chat_demo(municipality)
    load_chat_demo(municipality)

    texts = list(world.board.chat_messages.values_list("text", flat=True))
    assert len(texts) == 4
    assert texts[0] == "Wie heeft de sleutel van het dorpshuis voor vanavond?"
