"""A member of an organisation invited to read, in Chromium: the workspace's pages show the
read-only line instead of forms and pass axe; the chat is a plain list, its script neither
loads nor asks for new messages, and a new message shows after a reload."""

import pytest

from members import chat, services
from members.models import Organisation, Workspace
from tests.browser.axe import report, violations
from tests.browser.conftest import WIDTHS
from tests.browser.test_axe import visit

pytestmark = pytest.mark.browser

READ_ONLY_LINE = "Uw organisatie mag in deze werkruimte lezen, niet schrijven."
PAGES = ("documents", "meetings", "meeting", "threads", "thread", "polls", "poll")


@pytest.fixture
def reader(site, make_user):
    """Wim, only a member of the water board, which Beesd's board invited to read."""
    user = make_user("wim-waterschap", first_name="Wim")
    services.add_organisation_member(Organisation.objects.get(name="Waterschap Rivierenland"), user)
    return user


def test_a_reader_sees_no_forms_and_the_pages_pass_axe(site, reader, new_context):
    problems = {}
    for width, viewport in WIDTHS.items():
        page = new_context(viewport, user=reader).new_page()
        for name in PAGES:
            response = visit(page, site.urls[name])
            assert response.status == 200, f"{name}: {response.status}"
            assert page.get_by_text(READ_ONLY_LINE).count() == 1, name
            assert page.locator("form[method=post]").count() == 0, name
            problems[f"{name} (reader) @ {width}px"] = violations(page)

    if report(problems):
        pytest.fail(report(problems), pytrace=False)


def test_a_reader_sees_the_chat_without_its_script_and_new_messages_on_reload(
    site, reader, new_context
):
    board = Workspace.objects.get(page__url_path__endswith="/beesd/bestuur/")
    chat.post_message(board, site.users["chair"], "Wie heeft de sleutel?")
    page = new_context(user=reader).new_page()
    polls, errors = [], []
    page.on("request", lambda request: "/chat/nieuw/" in request.url and polls.append(request))
    page.on("pageerror", lambda error: errors.append(error))

    visit(page, f"{site.urls['board']}chat/")
    page.wait_for_timeout(2500)  # the script would have asked at least once by now

    assert page.locator("#chat-messages").get_by_text("Wie heeft de sleutel?").count() == 1
    assert page.get_by_text(READ_ONLY_LINE).count() == 1
    assert page.locator("#chat-form").count() == 0
    assert page.locator("script[src*='chat.js']").count() == 0
    assert polls == [] and errors == []
    assert violations(page) == []

    chat.post_message(board, site.users["chair"], "Om 19.30 uur begint het overleg.")
    page.reload()
    assert page.locator("#chat-messages").get_by_text("Om 19.30 uur").count() == 1
