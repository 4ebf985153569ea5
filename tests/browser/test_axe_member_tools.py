"""axe-core in Chromium on a resident's dossier and on a workspace's group chat: zero WCAG 2.2
A/AA violations (target size included) at 320, 375 and 1280 px, forms with and without
errors. (That a chat message shows for another member within 2 s without a reload is
tests/browser/test_chat.py.)"""

import pytest

from dossiers.factories import (
    DocumentItemFactory,
    DossierFactory,
    NoteFactory,
    PhotoItemFactory,
    ShareFactory,
)
from home.factories import UserFactory
from members import chat
from members.models import Workspace
from tests.browser.axe import report, violations
from tests.browser.conftest import WIDTHS
from tests.browser.test_axe import submit_empty, visit

pytestmark = pytest.mark.browser

ALL_WIDTHS = {**WIDTHS, "320": {"width": 320, "height": 720}}


@pytest.fixture
def dossier(site):
    """A resident's dossier with a note, a letter and a photo, shared with Beesd's board."""
    owner = UserFactory(
        username="bewoner", email="bewoner@example.nl", first_name="Ans", last_name="de Wit"
    )
    dossier = DossierFactory(owner=owner, title="Dijkversterking", description="Mijn huis.")
    items = {
        "note": NoteFactory(dossier=dossier, title="Gesprek aannemer"),
        "letter": DocumentItemFactory(dossier=dossier, title="Brief waterschap"),
        "photo": PhotoItemFactory(dossier=dossier, title="Scheur in de muur"),
    }
    board = Workspace.objects.get(page__url_path__endswith="/beesd/bestuur/")
    ShareFactory(dossier=dossier, user=None, workspace=board)
    base = f"/mijn-dossier/{dossier.pk}/"
    urls = {
        "list": "/mijn-dossier/",
        "dossier": base,
        **{name: f"{base}stukken/{item.pk}/" for name, item in items.items()},
        "add item": f"{base}toevoegen/",
        "shares": f"{base}delen/",
        "access log": f"{base}inzage/",
    }
    return owner, urls


def test_a_residents_dossier_has_no_violations(dossier, new_context):
    owner, urls = dossier
    problems = {}
    for width, viewport in ALL_WIDTHS.items():
        page = new_context(viewport, user=owner).new_page()
        for name, url in urls.items():
            response = visit(page, url)
            assert response.status == 200, f"{name}: {response.status}"
            problems[f"{name} {url} @ {width}px"] = violations(page)
        for name, selector in (("shares", "main form.form"), ("add item", "main form.form")):
            visit(page, urls[name])
            submit_empty(page, selector)
            assert page.locator(".form-field__error").count(), f"{name}: no error shown"
            problems[f"{name} form with errors @ {width}px"] = violations(page)

    if report(problems):
        pytest.fail(report(problems), pytrace=False)


def test_a_workspace_chat_has_no_violations(site, new_context):
    board = Workspace.objects.get(page__url_path__endswith="/beesd/bestuur/")
    chair = site.users["chair"]
    other = UserFactory(username="lid-beesd", first_name="Henk")
    for author, text in [
        (chair, "Wie heeft de sleutel van het dorpshuis?"),
        (other, "Ik, kom maar langs."),
        (chair, "Om 19.30 uur begint het overleg. " * 8),
    ]:
        chat.post_message(board, author, text)
    url = f"{site.urls['board']}chat/"
    problems = {}
    for width, viewport in ALL_WIDTHS.items():
        page = new_context(viewport, user=chair).new_page()
        response = visit(page, url)
        assert response.status == 200
        assert page.locator("#chat-messages").get_by_text("Ik, kom maar langs.").count() == 1
        problems[f"chat {url} @ {width}px"] = violations(page)
        # The script posts the form and shows the server's error in the status line.
        page.locator("#chat-form").evaluate("form => { form.noValidate = true; }")
        page.locator("#chat-form button[type=submit]").click()
        page.locator("#chat-status").get_by_text("Schrijf eerst een bericht.").wait_for()
        problems[f"chat with an error @ {width}px"] = violations(page)

    if report(problems):
        pytest.fail(report(problems), pytrace=False)
