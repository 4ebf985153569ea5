"""A decision in a board meeting's minutes becomes a draft action point of the kern's
kernagenda; both link to each other, and the public never sees the private minutes."""

from django.utils import formats, timezone

import pytest

from agenda.models import ActionPointPage, KernagendaPage
from kernen import bridges
from members.models import MeetingDecision

pytestmark = pytest.mark.django_db

DECISION = "We vragen de gemeente om een bank bij de speeltuin."
SECRET = "Vertrouwelijk: de penningmeester stopt per 1 mei."


@pytest.fixture
def meeting_minutes():
    return SECRET


@pytest.fixture
def decision(meeting, world):
    return MeetingDecision.objects.create(
        meeting=meeting, text=DECISION, created_by=world.users["chair"]
    )


def convert(client, url, decision):
    return client.post(url, {"action": "action_point", "decision": decision.pk})


def test_a_board_member_records_a_decision(client, world, meeting, meeting_url):
    client.force_login(world.users["own_board"])

    response = client.post(meeting_url, {"action": "decision", "text": DECISION})

    assert response.status_code == 302
    decision = MeetingDecision.objects.get(meeting=meeting)
    assert decision.text == DECISION
    assert decision.created_by == world.users["own_board"]
    html = client.get(meeting_url).content.decode()
    assert DECISION in html
    assert "Maak er een actiepunt van op de kernagenda" in html


def test_an_empty_decision_gets_a_dutch_error(client, world, meeting, meeting_url):
    client.force_login(world.users["own_board"])

    response = client.post(meeting_url, {"action": "decision", "text": "  "})

    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.content.decode()
    assert not MeetingDecision.objects.exists()


def test_a_decision_becomes_a_draft_action_point_linking_back(
    client, world, meeting, meeting_url, decision
):
    client.force_login(world.users["own_board"])

    response = convert(client, meeting_url, decision)

    assert response.status_code == 302
    assert response.url == f"{meeting_url}#besluit-{decision.pk}"
    point = ActionPointPage.objects.get()
    assert not point.live  # a draft for the kern's redactie
    assert point.get_parent().url == "/beesd/kernagenda/"
    assert point.title == DECISION
    assert point.summary == DECISION
    assert point.source_url == f"http://localhost/besluit/{decision.pk}/"
    date = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y")
    assert point.source_label == f"Besluit van het bestuur van Beesd, vergadering van {date}"
    assert SECRET not in point.summary + point.source_label
    decision.refresh_from_db()
    assert decision.action_point_id == point.pk
    assert decision.converted_by == world.users["own_board"]
    # The meeting shows which action point the decision became.
    html = client.get(meeting_url).content.decode()
    assert "Actiepunt op de kernagenda:" in html
    assert "concept: de redactie van de kernagenda vult het aan en publiceert het" in html
    assert "Maak er een actiepunt van op de kernagenda" not in html


def test_a_decision_becomes_one_action_point_only(client, world, meeting_url, decision):
    client.force_login(world.users["own_board"])
    convert(client, meeting_url, decision)

    response = convert(client, meeting_url, decision)
    client.force_login(world.users["chair"])
    convert(client, meeting_url, decision)

    assert response.status_code == 302
    assert ActionPointPage.objects.count() == 1
    page = client.get(meeting_url).content.decode()
    assert page.count("Actiepunt op de kernagenda:") == 1


def test_a_request_that_finds_the_decision_claimed_makes_nothing(
    client, world, meeting_url, decision
):
    """The claim (``converted_at``) is what stops a second request that passed the page
    before the first one finished."""
    MeetingDecision.objects.filter(pk=decision.pk).update(converted_at=timezone.now())
    client.force_login(world.users["own_board"])

    response = client.post(
        meeting_url, {"action": "action_point", "decision": decision.pk}, follow=True
    )

    assert "Van dit besluit is al een actiepunt gemaakt." in response.content.decode()
    assert not ActionPointPage.objects.exists()


def test_without_a_kernagenda_nothing_is_claimed(client, world, meeting_url, decision):
    KernagendaPage.objects.child_of(world.beesd).get().delete()
    client.force_login(world.users["own_board"])

    response = convert(client, meeting_url, decision)

    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.converted_at is None
    assert decision.action_point is None


def test_without_the_agenda_app_there_is_no_button(
    client, world, meeting_url, decision, only_hooks
):
    only_hooks(bridges.HOOK)  # no app offers a bridge
    client.force_login(world.users["own_board"])

    html = client.get(meeting_url).content.decode()

    assert DECISION in html
    assert "Maak er een actiepunt van op de kernagenda" not in html


def test_an_unknown_decision_is_not_found(client, world, meeting_url, decision, heukelum):
    client.force_login(world.users["own_board"])

    assert client.post(meeting_url, {"action": "action_point", "decision": 999}).status_code == 404
    assert client.post(meeting_url, {"action": "action_point"}).status_code == 404
    for not_a_number in ("abc", "1.5", f"{decision.pk}x"):
        response = client.post(meeting_url, {"action": "action_point", "decision": not_a_number})
        assert response.status_code == 404, not_a_number
    assert not ActionPointPage.objects.exists()
    decision.refresh_from_db()
    assert decision.converted_at is None


@pytest.mark.parametrize(
    ("who", "view", "change"),
    [
        ("chair", 200, 302),
        ("own_board", 200, 302),
        # The kern's gebiedsmakelaar reads the board area but is not on the board.
        ("assigned_broker", 200, 403),
        ("unassigned_broker", 403, 403),
        ("other_board", 403, 403),
        ("removed", 403, 403),
    ],
)
def test_who_may_record_and_convert(client, world, meeting_url, decision, who, view, change):
    client.force_login(world.users[who])

    page = client.get(meeting_url)
    recorded = client.post(meeting_url, {"action": "decision", "text": "Nog een besluit."})
    converted = convert(client, meeting_url, decision)

    assert page.status_code == view
    assert recorded.status_code == converted.status_code == change
    expected = 1 if change == 302 else 0
    assert ActionPointPage.objects.count() == expected
    assert MeetingDecision.objects.filter(text="Nog een besluit.").count() == expected
    if view == 200 and change == 403:
        html = page.content.decode()
        assert DECISION in html
        assert "Maak er een actiepunt van op de kernagenda" not in html
        assert 'value="decision"' not in html


def test_anonymous_visitors_change_nothing(client, meeting_url, decision):
    response = convert(client, meeting_url, decision)

    assert response.status_code == 302
    assert response.url.startswith("/inloggen/")
    assert not ActionPointPage.objects.exists()


def test_what_the_public_sees(client, world, meeting_url, decision):
    client.force_login(world.users["own_board"])
    convert(client, meeting_url, decision)
    client.logout()
    point = ActionPointPage.objects.get()
    back_url = f"/besluit/{decision.pk}/"

    # A draft: not public yet, and the decision page does not point to it.
    assert client.get("/beesd/kernagenda/").status_code == 200
    assert DECISION not in client.get("/beesd/kernagenda/").content.decode()
    before = client.get(back_url).content.decode()
    assert "Terug naar het actiepunt" not in before
    assert DECISION not in before and SECRET not in before

    point.save_revision().publish()  # the redactie publishes it
    html = client.get(point.url).content.decode()
    assert f'href="http://localhost{back_url}"' in html
    assert "Besluit van het bestuur van Beesd" in html

    response = client.get(back_url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Het bestuur van de dorpsvereniging van Beesd nam dit besluit" in text
    assert f'href="{point.url}"' in text
    assert 'href="/inloggen/?next=/besluit/' in text
    assert SECRET not in text
    assert meeting_url not in text
    assert client.get("/besluit/999999/").status_code == 404


@pytest.mark.parametrize(
    ("who", "redirected"),
    [("own_board", True), ("assigned_broker", True), ("other_board", False),
     ("unassigned_broker", False), ("removed", False)],
)  # fmt: skip
def test_the_link_back_leads_members_to_the_meeting(
    client, world, meeting_url, decision, who, redirected
):
    client.force_login(world.users[who])

    response = client.get(f"/besluit/{decision.pk}/")

    if redirected:
        assert response.status_code == 302
        assert response.url == f"{meeting_url}#besluit-{decision.pk}"
    else:
        assert response.status_code == 200
        assert SECRET not in response.content.decode()


def test_the_meeting_links_to_the_published_action_point(client, world, meeting_url, decision):
    client.force_login(world.users["own_board"])
    convert(client, meeting_url, decision)
    point = ActionPointPage.objects.get()
    point.save_revision().publish()

    html = client.get(meeting_url).content.decode()

    assert f'<a href="{point.url}">{point.title}</a>' in html


def test_meeting_page_queries_do_not_grow_with_decisions(
    client, world, meeting, meeting_url, count_queries
):
    client.force_login(world.users["own_board"])
    _response, few = count_queries(client, meeting_url)
    for number in range(3):
        MeetingDecision.objects.create(meeting=meeting, text=f"Besluit {number}")
    first = MeetingDecision.objects.first()
    convert(client, meeting_url, first)

    response, many = count_queries(client, meeting_url)

    assert response.status_code == 200
    assert response.content.decode().count('id="besluit-') == 3
    assert few == many <= 15


def test_the_kerns_redactie_hear_of_the_draft_and_the_log_names_its_maker(
    client, world, meeting_url, decision, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    from wagtail.models import PageLogEntry

    editor = make_user("redactie-beesd", world.beesd.editors_group, email="redactie@beesd.example")
    make_user("redactie-heukelum", world.heukelum.editors_group, email="red@heukelum.example")
    client.force_login(world.users["own_board"])

    with django_capture_on_commit_callbacks(execute=True):
        convert(client, meeting_url, decision)

    point = ActionPointPage.objects.get()
    assert [mail.to for mail in mailoutbox] == [[editor.email]]
    mail = mailoutbox[0]
    assert mail.subject == f"Nieuw concept-actiepunt voor Beesd: {DECISION}"
    assert f"http://testserver/admin/pages/{point.pk}/edit/" in mail.body
    assert "Gemaakt door: Henk" in mail.body
    actions = PageLogEntry.objects.filter(page=point).values_list("action", "user")
    assert set(actions) == {
        ("wagtail.create", world.users["own_board"].pk),
        ("wagtail.edit", world.users["own_board"].pk),
    }
