"""Who writes a meeting's minutes. A board's minutes are the board's: its members write them;
the kern's gebiedsmakelaar reads them (and may post a message) but cannot change them. In the
dorpenoverleg everyone who takes part may write them. See docs/members.md."""

from datetime import timedelta

from django.utils import timezone

import pytest

from members.models import DorpenoverlegPage, Meeting, Workspace

pytestmark = pytest.mark.django_db

MINUTES = "Besluit: de begroting is vastgesteld."


@pytest.fixture
def meeting_minutes():
    return MINUTES


@pytest.mark.parametrize(
    ("who", "status"),
    [("chair", 302), ("own_board", 302), ("assigned_broker", 403), ("unassigned_broker", 403)],
)
def test_board_members_write_the_minutes_and_the_gebiedsmakelaar_may_not(
    client, world, meeting, meeting_url, who, status
):
    client.force_login(world.users[who])

    response = client.post(meeting_url, {"action": "minutes", "minutes": "Overschreven."})

    assert response.status_code == status
    meeting.refresh_from_db()
    assert meeting.minutes == ("Overschreven." if status == 302 else MINUTES)


def test_the_gebiedsmakelaar_reads_the_minutes_without_a_form_to_change_them(
    client, world, meeting_url
):
    client.force_login(world.users["assigned_broker"])

    html = client.get(meeting_url).content.decode()

    assert MINUTES in html
    assert 'value="minutes"' not in html
    assert "Notulen opslaan" not in html


def test_a_board_member_gets_the_form(client, world, meeting_url):
    client.force_login(world.users["own_board"])

    html = client.get(meeting_url).content.decode()

    assert 'value="minutes"' in html
    assert "Notulen opslaan" in html


def test_the_gebiedsmakelaar_still_posts_in_the_board_area(client, world):
    client.force_login(world.users["assigned_broker"])
    thread = world.content["thread"]

    response = client.post(f"/beesd/bestuur/berichten/{thread.pk}/", {"body": "Ik kom ook."})

    assert response.status_code == 302
    assert thread.posts.filter(body="Ik kom ook.").exists()


def test_in_the_dorpenoverleg_the_gebiedsmakelaar_writes_minutes_too(client, world):
    page = DorpenoverlegPage.objects.get()
    meeting = Meeting.objects.create(
        workspace=Workspace.objects.get(page=page),
        title="Dorpenoverleg",
        starts_at=timezone.now() + timedelta(days=3),
        location="Gemeentehuis",
    )
    client.force_login(world.users["assigned_broker"])

    response = client.post(
        f"{page.url}vergaderingen/{meeting.pk}/", {"action": "minutes", "minutes": "Verslag."}
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Verslag."
