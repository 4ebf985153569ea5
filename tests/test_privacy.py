"""AVG: account holders download their own data and delete their account; retention periods
delete what residents left behind (docs/privacy.md)."""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest
from django_tasks_db.models import DBTaskResult

from agenda.factories import ActionPointPageFactory
from agenda.models import Interest, KernagendaPage, SignUp
from events.models import EventIndexPage, EventPage, Registration
from members.constants import Answer, Role
from members.models import (
    BoardAreaPage,
    Invitation,
    Meeting,
    MeetingResponse,
    Membership,
    Poll,
    PollOption,
    Post,
    Thread,
    Vote,
    Workspace,
)
from members.services import add_member
from members.tasks import notify_new_post
from privacy.registry import purge, retention_rules
from privacy.tasks import purge_personal_data
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # the make_user fixture's password
DOWNLOAD = "/mijn-account/mijn-gegevens.json"
DELETE = "/mijn-account/verwijderen/"


def make_event(kern, title, start):
    event = EventPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        start=start,
        end=start + timedelta(hours=2),
        location="Dorpshuis",
        registration_enabled=True,
    )
    EventIndexPage.objects.child_of(kern).get().add_child(instance=event)
    return event


def make_point(kern):
    return ActionPointPageFactory(
        parent=KernagendaPage.objects.child_of(kern).get(),
        kern=kern,
        title="Bloemrijke bermen",
        slug="bermen",
        summary="Bermen vol bloemen.",
    )


def leave_traces(person, workspace, kern, label, form_page):
    """Everything a person can leave in the portal, marked with ``label``."""
    add_member(workspace, person)
    thread = Thread.objects.create(workspace=workspace, title=f"Onderwerp {label}", author=person)
    Post.objects.create(thread=thread, author=person, body=f"Bericht {label}")
    poll = Poll.objects.create(
        workspace=workspace, question=f"Vraag {label}", closes_at=timezone.now() + timedelta(1)
    )
    option = PollOption.objects.create(poll=poll, label=f"Keuze {label}")
    Vote.objects.create(poll=poll, option=option, user=person)
    meeting = Meeting.objects.create(
        workspace=workspace,
        title=f"Vergadering {label}",
        starts_at=timezone.now() + timedelta(days=2),
        location="Dorpshuis",
    )
    MeetingResponse.objects.create(meeting=meeting, user=person, answer=Answer.YES)
    subscriber = Subscriber.objects.create(
        email=person.email.upper(),
        kinds=["nieuws"],
        confirmed_at=timezone.now(),
        digest_until=timezone.now(),
    )
    subscriber.kernen.add(kern)
    event = make_event(kern, f"Burendag {label}", timezone.now() + timedelta(days=5))
    Registration.objects.create(
        event=event, name=f"Naam {label}", email=person.email, status="registered"
    )
    point = make_point(kern) if label == "eigen" else None
    if point is not None:
        SignUp.objects.create(
            action_point=point, name=f"Naam {label}", email=person.email, contribution="Helpen"
        )
        Interest.objects.create(
            action_point=point, kind="inwoner", name=f"Naam {label}", email=person.email
        )
    FormSubmission.objects.create(
        page=form_page, form_data={"naam": f"Naam {label}", "e-mailadres": person.email}
    )
    return thread


@pytest.fixture
def people(beesd, make_user, municipality):
    from home.models import FormPage

    form_page = FormPage(title="Klankbordgroep", slug="klankbordgroep")
    municipality.add_child(instance=form_page)
    workspace = Workspace.objects.get(page=BoardAreaPage.objects.child_of(beesd).get())
    me = make_user("ik", email="ik@example.nl", first_name="Ilse")
    other = make_user("ander", email="ander@example.nl", first_name="Otto")
    chair = make_user("voorzitter", email="voorzitter@example.nl")
    add_member(workspace, chair, Role.CHAIR)
    my_thread = leave_traces(me, workspace, beesd, "eigen", form_page)
    leave_traces(other, workspace, beesd, "ander", form_page)
    # Someone else replies in my conversation: that reply stays theirs.
    Post.objects.create(thread=my_thread, author=chair, body="Reactie van de voorzitter")
    return {"me": me, "other": other, "chair": chair, "workspace": workspace, "thread": my_thread}


def submissions_mentioning(email):
    return [s for s in FormSubmission.objects.all() if email in json.dumps(s.form_data)]


# Download ----------------------------------------------------------------------------------------


def test_the_download_holds_my_data_and_nobody_elses(client, people):
    client.force_login(people["me"])

    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "ik@example.nl"
    assert data["account"]["first_name"] == "Ilse"
    members = data["member_area"]
    assert [m["workspace"] for m in members["memberships"]] == ["Beesd – bestuur"]
    assert [m["message"] for m in members["messages"]] == ["Bericht eigen"]
    assert [t["subject"] for t in members["threads_started"]] == ["Onderwerp eigen"]
    assert members["votes"] == [
        {
            "question": "Vraag eigen",
            "choice": "Keuze eigen",
            "voted_at": members["votes"][0]["voted_at"],
        }
    ]
    assert [a["meeting"] for a in members["meeting_answers"]] == ["Vergadering eigen"]
    assert [s["email"] for s in data["subscriptions"]] == ["IK@EXAMPLE.NL"]
    assert data["subscriptions"][0]["kernen"] == ["Beesd"]
    assert [r["activity"] for r in data["event_registrations"]] == ["Burendag eigen"]
    assert [s["contribution"] for s in data["action_point_sign_ups"]["sign_ups"]] == ["Helpen"]
    assert len(data["action_point_sign_ups"]["joint_purchases"]) == 1
    assert [s["naam"] for s in data["form_submissions"]] == ["Naam eigen"]
    text = response.content.decode()
    for foreign in ("ander", "Otto", "Reactie van de voorzitter", "voorzitter@example.nl"):
        assert foreign not in text


def test_the_download_needs_a_login(client, people):
    response = client.get(DOWNLOAD)

    assert response.status_code == 302
    assert response.url.startswith("/inloggen/")


def test_the_account_page_links_to_download_and_delete(client, people):
    client.force_login(people["me"])

    html = client.get("/mijn-account/").content.decode()

    assert DOWNLOAD in html and DELETE in html
    assert "Mijn gegevens downloaden" in html


# Delete ------------------------------------------------------------------------------------------


def test_a_wrong_password_deletes_nothing(client, people):
    client.force_login(people["me"])

    response = client.post(DELETE, {"password": "geraden"})

    assert response.status_code == 400
    assert "Dit is niet je wachtwoord" in response.content.decode()
    assert get_user_model().objects.filter(pk=people["me"].pk).exists()
    assert Subscriber.objects.filter(email__iexact="ik@example.nl").exists()


def test_deleting_my_account_keeps_my_messages_as_voormalig_lid(client, people):
    me, workspace = people["me"], people["workspace"]
    client.force_login(me)
    assert "wachtwoord" in client.get(DELETE).content.decode()

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 200
    assert "Je account is verwijderd" in response.content.decode()
    assert not get_user_model().objects.filter(pk=me.pk).exists()
    # Logged out: the account page asks for a login again.
    assert client.get("/mijn-account/").status_code == 302
    # Gone: membership, votes, meeting answers, and all under my e-mail address.
    assert not Membership.objects.filter(workspace=workspace, user_id=me.pk).exists()
    assert not Vote.objects.filter(user_id=me.pk).exists()
    assert not MeetingResponse.objects.filter(user_id=me.pk).exists()
    for model in (Subscriber, Registration, SignUp, Interest):
        assert not model.objects.filter(email__iexact="ik@example.nl").exists(), model
    assert not submissions_mentioning("ik@example.nl")
    assert submissions_mentioning("ander@example.nl")
    # Kept: what I wrote, without my name, and everything of the others.
    post = Post.objects.get(body="Bericht eigen")
    assert post.author is None
    for model in (Subscriber, Registration):
        assert model.objects.filter(email__iexact="ander@example.nl").exists(), model
    assert Vote.objects.filter(user=people["other"]).exists()

    chair_client = client.__class__()
    chair_client.force_login(people["chair"])
    thread_page = chair_client.get(f"/beesd/bestuur/berichten/{people['thread'].pk}/")
    list_page = chair_client.get("/beesd/bestuur/berichten/")
    for page in (thread_page, list_page):
        html = page.content.decode()
        assert "Voormalig lid" in html
        assert "Ilse" not in html
    assert "Bericht eigen" in thread_page.content.decode()
    assert "Reactie van de voorzitter" in thread_page.content.decode()
    # An e-mail about the message still queued when the author left goes out all the same.
    sent = notify_new_post.call(post.pk, "http://testserver/beesd/bestuur/", "http://testserver/")
    assert sent >= 1
    assert "Voormalig lid schreef" in mail.outbox[-1].body


def test_an_administrator_cannot_delete_themselves_here(client, people, django_user_model):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.nl", PASSWORD)
    client.force_login(admin)

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 403
    assert django_user_model.objects.filter(pk=admin.pk).exists()


# Retention ---------------------------------------------------------------------------------------


def test_purge_deletes_what_is_past_its_period_and_keeps_the_rest(people, beesd, settings):
    now = timezone.now()
    old, recent = now - timedelta(days=400), now - timedelta(days=10)
    point = SignUp.objects.first().action_point
    past = make_event(beesd, "Oude markt", now - timedelta(days=60))
    soon = make_event(beesd, "Nieuwe markt", now + timedelta(days=3))
    old_reg = Registration.objects.create(event=past, name="A", email="a@x.nl", status="registered")
    new_reg = Registration.objects.create(event=soon, name="B", email="b@x.nl", status="registered")
    old_signup = SignUp.objects.create(
        action_point=point, name="C", email="c@x.nl", contribution="-"
    )
    old_interest = Interest.objects.create(
        action_point=point, kind="inwoner", name="D", email="d@x.nl"
    )
    SignUp.objects.filter(pk=old_signup.pk).update(created_at=old)
    Interest.objects.filter(pk=old_interest.pk).update(created_at=old)
    page = FormSubmission.objects.first().page
    old_form = FormSubmission.objects.create(page=page, form_data={"naam": "E"})
    FormSubmission.objects.filter(pk=old_form.pk).update(submit_time=old)
    workspace = people["workspace"]
    expired = Invitation.objects.create(workspace=workspace, email="f@x.nl", created_at=old)
    lapsed = Invitation.objects.create(workspace=workspace, email="g@x.nl", created_at=recent)
    just_sent = Invitation.objects.create(workspace=workspace, email="h@x.nl")
    # Shorter than an invitation works (7 days): one that still works is kept all the same.
    settings.PRIVACY_INVITATIONS_DAYS = 1
    old_task = DBTaskResult.objects.create(
        task_path="home.tasks.send_form_email",
        args_kwargs={"args": ["ik@example.nl"], "kwargs": {}},
        status="SUCCESSFUL",
        finished_at=now - timedelta(days=8),
        backend_name="default",
    )
    new_task = DBTaskResult.objects.create(
        task_path="home.tasks.send_form_email",
        args_kwargs={"args": [], "kwargs": {}},
        status="SUCCESSFUL",
        finished_at=now - timedelta(days=1),
        backend_name="default",
    )

    counts = purge()

    assert counts["event_registrations"] == 1
    assert counts["action_point_sign_ups"] == 2
    assert counts["form_submissions"] == 1
    assert counts["invitations"] == 2  # older than 400 days, and one no longer working
    assert counts["finished_tasks"] == 1
    for gone in (old_reg, old_signup, old_interest, old_form, expired, old_task):
        assert not type(gone).objects.filter(pk=gone.pk).exists(), gone
    for kept in (new_reg, new_task, just_sent):
        assert type(kept).objects.filter(pk=kept.pk).exists(), kept
    assert not Invitation.objects.filter(pk=lapsed.pk).exists()
    assert SignUp.objects.filter(email="ik@example.nl").exists()  # recent sign-ups stay
    assert submissions_mentioning("ik@example.nl")


def test_every_retention_setting_exists_and_the_command_and_task_run(people, settings, capsys):
    for rule in retention_rules():
        assert isinstance(getattr(settings, rule.setting), int), rule.setting
    Registration.objects.update(created_at=timezone.now() - timedelta(days=900))
    EventPage.objects.update(end=timezone.now() - timedelta(days=400))

    call_command("purge_personal_data")

    assert "event_registrations: 2" in capsys.readouterr().out
    assert not Registration.objects.exists()
    result = purge_personal_data.enqueue()
    assert result.return_value["event_registrations"] == 0
