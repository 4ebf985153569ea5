"""Three journeys end to end in Chromium, with a screenshot of every step in
``test-results/<journey>/NN-<step>.png``."""

import re

from django.core import mail
from django.utils import timezone

import pytest

from members.models import MeetingResponse
from news.models import NewsPage
from subscriptions.models import Subscriber
from tests.browser.site import PASSWORD

pytestmark = pytest.mark.browser


def test_resident_reads_the_news_and_subscribes(site, new_context, screenshots):
    shot = screenshots("resident")
    page = new_context().new_page()

    page.goto(site.urls["home"])
    shot(page, "home")
    page.get_by_role("link", name="Beesd", exact=True).first.click()
    page.wait_for_url(re.compile(r"/beesd/$"))
    assert page.locator("h1").inner_text() == "Beesd"
    shot(page, "kern")

    page.get_by_role("link", name="Nieuwe bankjes aan de Linge").first.click()
    page.wait_for_url(re.compile(re.escape(site.urls["news"]) + "$"))
    shot(page, "news-item")

    page.goto(site.urls["kern"])
    page.get_by_role("link", name="Meld je aan voor Beesd").click()
    page.wait_for_url(re.compile(r"/blijf-op-de-hoogte/"))
    assert page.get_by_role("checkbox", name="Beesd").is_checked()
    shot(page, "subscribe-form")

    page.get_by_label("Je e-mailadres").fill("inwoner@example.nl")
    page.get_by_role("checkbox", name="Beesd").uncheck()
    page.get_by_role("button", name="Aanmelden").click()
    alert = page.get_by_role("alert")
    assert "Kies minstens één kern." in alert.inner_text()
    shot(page, "subscribe-error")

    page.get_by_role("checkbox", name="Beesd").check()
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r"/blijf-op-de-hoogte/verstuurd/"))
    shot(page, "subscribe-sent")

    (confirmation,) = [message for message in mail.outbox if message.to == ["inwoner@example.nl"]]
    link = re.search(r"https?://[^/\s]+(/blijf-op-de-hoogte/bevestigen/\S+/)", confirmation.body)
    page.goto(link.group(1))
    shot(page, "confirm")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    shot(page, "confirmed")
    subscriber = Subscriber.objects.get(email="inwoner@example.nl")
    assert subscriber.confirmed_at is not None
    assert list(subscriber.kernen.values_list("title", flat=True)) == ["Beesd"]


def test_editor_publishes_news_in_beesd(site, new_context, screenshots):
    shot = screenshots("editor")
    page = new_context().new_page()

    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/admin/login/"))
    page.locator("#id_username").fill(site.users["editor"].username)
    page.locator("#id_password").fill(PASSWORD)
    shot(page, "login")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    shot(page, "dashboard")

    news_index = NewsPage.objects.get(slug="nieuwe-bankjes").get_parent()
    page.goto(f"/admin/pages/add/news/newspage/{news_index.pk}/")
    page.locator("#id_title").fill("Kermis op het Dorpsplein")
    page.locator("#id_date").fill(timezone.localdate().isoformat())
    page.locator("#id_intro").fill("Van vrijdag tot zondag staat de kermis in Beesd.")
    shot(page, "new-news-item")
    # Publishing sits in the menu next to "Save draft".
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{news_index.pk}/"))
    shot(page, "published")

    page.goto(site.urls["kern"])
    assert page.get_by_role("link", name="Kermis op het Dorpsplein").count()
    shot(page, "on-kern-page")
    assert NewsPage.objects.get(title="Kermis op het Dorpsplein").live


def test_board_member_answers_a_meeting_and_downloads_a_document(site, new_context, screenshots):
    shot = screenshots("board-member")
    page = new_context().new_page()
    chair = site.users["chair"]

    page.goto(site.urls["login"])
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(chair.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    shot(page, "login")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")
    page.goto(site.urls["board"])
    assert page.locator("h1").count()
    shot(page, "board-area")

    page.locator(".workspace-nav").get_by_role("link", name="Vergaderingen").click()
    page.get_by_role("link", name="Bestuursvergadering").first.click()
    page.wait_for_url(re.compile(re.escape(site.urls["meeting"]) + "$"))
    shot(page, "meeting")

    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Antwoord opslaan").click()
    page.wait_for_load_state("load")
    shot(page, "answered")
    attendance = MeetingResponse.objects.get(meeting=site.objects["meeting"], user=chair)
    assert attendance.answer == "yes"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Jaarverslag 2025").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    shot(page, "downloaded")
