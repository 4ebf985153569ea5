"""The group chat live: a message one member sends appears for another within 2 s, without
a reload; and the text stays text."""

import pytest

from members import services
from members.models import Workspace

pytestmark = pytest.mark.browser


def test_a_message_appears_for_another_member_within_two_seconds(site, new_context, make_user):
    board = Workspace.objects.get(page__url_path__endswith="/beesd/bestuur/")
    other = make_user("lid-chat-beesd", first_name="Henk")
    services.add_member(board, other)
    chat_url = f"{site.urls['board']}chat/"
    sender = new_context(user=site.users["chair"]).new_page()
    reader = new_context(user=other).new_page()
    assert reader.goto(chat_url).status == 200
    assert sender.goto(chat_url).status == 200
    reader.evaluate("window.notReloaded = true")

    sender.locator("#chat-form textarea").fill("<b>Wie</b> heeft de sleutel?")
    sender.locator("#chat-form button[type=submit]").click()

    message = reader.locator("#chat-messages .chat-message__text")
    message.filter(has_text="<b>Wie</b> heeft de sleutel?").wait_for(timeout=2000)
    assert reader.evaluate("window.notReloaded") is True
    assert reader.locator("#chat-messages b").count() == 0
    assert sender.locator("#chat-form textarea").input_value() == ""
