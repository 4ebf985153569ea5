"""Demo of the member area: boards of Beesd and Heukelum with members, documents, meetings,
messages and a poll; the dorpenoverleg; and an energy cooperative of three kernen.
Idempotent: what exists is found again by its title and left alone."""

import os
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.factories import UserFactory, get_or_create
from kernen.demo import demo_account, demo_link
from kernen.models import KernPage
from members import provisioning, services
from members.constants import Answer, Role
from members.decisions import can_make_action_points, convert_decision
from members.factories import (
    DocumentFactory,
    MeetingFactory,
    PollFactory,
    PostFactory,
    ProjectPageFactory,
    ThreadFactory,
)
from members.models import (
    InvitationStatus,
    MeetingDecision,
    MeetingResponse,
    ProjectIndexPage,
    ProjectKernInvitation,
    ProjectPage,
    Vote,
    Workspace,
)
from members.projects import answer_kern_invitation, project_index_of, start_project

DEFAULT_PASSWORD = "kernen-demo"  # noqa: S105  (same default as load_demo)
ADMIN_USERNAME = "admin"

BOARDS = {
    "beesd": [
        ("bestuur-beesd", "Marieke", "Verhoeven", Role.CHAIR),
        ("penningmeester-beesd", "Henk", "van Wijk", Role.MEMBER),
        ("secretaris-beesd", "Samira", "Bakker", Role.MEMBER),
    ],
    "heukelum": [
        ("bestuur-heukelum", "Peter", "de Groot", Role.CHAIR),
        ("secretaris-heukelum", "Lotte", "Jansen", Role.MEMBER),
    ],
    "asperen": [("bestuur-asperen", "Willem", "Hendriks", Role.CHAIR)],
}
BROKER_USERNAME = "gebiedsmakelaar-geldermalsen"
PROJECT_KERNEN = ("beesd", "heukelum", "asperen")


def demo_password_hash():
    """The demo accounts share the admin's password, whatever ``load_demo`` was given."""
    admin = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    return admin.password if admin else None


def ensure_member(username, first, last, slug, password_hash):
    user, created = get_or_create(
        UserFactory,
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@dorpsbelang-{slug}.example",
            "password": None,
        },
    )
    if password_hash and user.password != password_hash:
        user.password = password_hash
        user.save(update_fields=["password"])
    elif created and not password_hash:
        user.set_password(os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD))
        user.save(update_fields=["password"])
    return user


def ensure_document(workspace, title, lines, user=None):
    document, _created = get_or_create(
        DocumentFactory,
        collection=workspace.collection,
        title=title,
        defaults={"lines": lines, "uploaded_by_user": user},
    )
    return document


def ensure_meeting(workspace, title, starts_at, **fields):
    meeting, _created = get_or_create(
        MeetingFactory,
        workspace=workspace,
        title=title,
        defaults={"starts_at": starts_at, **fields},
    )
    return meeting


def ensure_thread(workspace, title, posts):
    thread = workspace.threads.filter(title=title).first()
    if thread:
        return thread
    thread = ThreadFactory(workspace=workspace, title=title, author=posts[0][0])
    for author, body in posts:
        post = PostFactory(thread=thread, author=author, body=body)
    thread.last_post_at = post.created_at
    thread.save(update_fields=["last_post_at"])
    return thread


def ensure_poll(workspace, question, options, closes_at, votes, user):
    poll = workspace.polls.filter(question=question).first()
    if poll:
        return poll
    poll = PollFactory(
        workspace=workspace, question=question, closes_at=closes_at, created_by=user,
        options=options,
    )  # fmt: skip
    created = list(poll.options.order_by("sort_order"))
    for voter, choice in votes:
        Vote.objects.create(poll=poll, user=voter, option=created[choice])
    return poll


def fill_board(workspace, kern, members, now):
    chair, *others = members
    agenda_pdf = ensure_document(
        workspace, f"Agenda bestuursvergadering {kern.title}",
        ["1. Opening", "2. Notulen vorige vergadering", "3. Kernagenda", "4. Rondvraag"],
        chair,
    )  # fmt: skip
    ensure_document(
        workspace, f"Jaarverslag {kern.title} 2025",
        [f"Dorpsbelang {kern.title}", "Leden: 212", "Activiteiten: 9", "Kas: op orde"], chair,
    )  # fmt: skip
    upcoming = ensure_meeting(
        workspace, "Bestuursvergadering", now + timedelta(days=8),
        location=f"Dorpshuis {kern.title}",
        agenda="Opening\nNotulen vorige vergadering\nKernagenda: voortgang\nRondvraag",
        created_by=chair, documents=[agenda_pdf],
    )  # fmt: skip
    ensure_meeting(
        workspace, "Overleg met de gebiedsmakelaar", now - timedelta(days=20),
        location="", video_url="https://meet.example/overleg",
        agenda="Stand van zaken\nAfspraken",
        minutes="Besluit: we vragen een extra bank bij de speeltuin aan.", created_by=chair,
    )  # fmt: skip
    for number, member in enumerate(members):
        MeetingResponse.objects.get_or_create(
            meeting=upcoming, user=member,
            defaults={"answer": [Answer.YES, Answer.MAYBE, Answer.NO][number % 3]},
        )  # fmt: skip
    ensure_thread(
        workspace, "Subsidie voor de dorpsdag",
        [(chair, "De aanvraag voor de dorpsdag moet voor 1 april binnen zijn. Wie helpt? "
                 "Info: https://www.westbetuwe.nl/subsidie"),
         (others[0] if others else chair, "Ik pak het op en maak een begroting.")],
    )  # fmt: skip
    ensure_poll(
        workspace, "Welke avond vergaderen we voortaan?", ["Maandag", "Dinsdag", "Donderdag"],
        now + timedelta(days=14), [(member, number % 3) for number, member in enumerate(members)],
        chair,
    )  # fmt: skip


def load_members_demo(home, stdout=None):
    password_hash = demo_password_hash()
    now = timezone.localtime().replace(hour=19, minute=30, second=0, microsecond=0)
    kernen = {kern.slug: kern for kern in KernPage.objects.child_of(home).filter(slug__in=BOARDS)}
    provisioning.ensure_municipality(home)
    people = {}
    for slug, members in BOARDS.items():
        kern = kernen.get(slug)
        if kern is None:
            continue
        workspace = provisioning.ensure_board_workspace(kern)
        people[slug] = []
        for username, first, last, role in members:
            user = ensure_member(username, first, last, slug, password_hash)
            services.add_member(workspace, user, role)
            people[slug].append(user)
        if slug in ("beesd", "heukelum"):
            fill_board(workspace, kern, people[slug], now)

    beesd = kernen.get("beesd")
    if beesd is not None and beesd.area_broker is not None:
        broker = beesd.area_broker
        if broker.user is None:
            broker.user = ensure_member(
                BROKER_USERNAME, *broker.name.split(" ", 1), "westbetuwe", password_hash
            )
            broker.save()
        services.sync_area_broker(beesd)

    overleg = provisioning.overleg_workspace(home)
    if overleg is not None and "beesd" in people and "heukelum" in people:
        ensure_thread(
            overleg, "Samen een AED-netwerk?",
            [(people["beesd"][0], "Wie heeft ervaring met het onderhoud van een AED?"),
             (people["heukelum"][0], "Wij: het dorpshuis regelt het. Ik stuur de afspraken.")],
        )  # fmt: skip

    project = load_project(home, kernen, people, now)
    load_board_project(kernen, people)
    load_decision(kernen, people)

    for slug, members in BOARDS.items():
        if slug in people:
            for username, _first, _last, role in members:
                title = "voorzitter" if role == Role.CHAIR else "lid"
                demo_account(f"Bestuur {kernen[slug].title} ({title})", username)
    if beesd is not None and beesd.area_broker is not None:
        demo_account("Gebiedsmakelaar (kernen rond Geldermalsen)", BROKER_USERNAME)
    if project is not None:
        demo_link("Projectwerkruimte", project, "werkruimte/")


def load_project(home, kernen, people, now):
    if not all(slug in kernen for slug in PROJECT_KERNEN):
        return None
    index = ProjectIndexPage.objects.child_of(home).first()
    if index is None:
        return None
    project = ProjectPage.objects.child_of(index).filter(slug="energiecooperatie").first()
    if project is None:
        project = ProjectPageFactory(
            parent=index,
            title="Energiecoöperatie Linge",
            slug="energiecooperatie",
            summary=(
                "Beesd, Heukelum en Asperen richten samen een energiecoöperatie op: zonnepanelen "
                "op daken van dorpshuizen en een gezamenlijk inkoopcollectief."
            ),
            kernen=[kernen[slug] for slug in PROJECT_KERNEN],
        )
    workspace = services.ensure_project_workspace(project)
    for number, slug in enumerate(PROJECT_KERNEN):
        for user in people.get(slug, [])[:2]:
            services.add_member(workspace, user, Role.CHAIR if number == 0 else Role.MEMBER)
    chair = people["beesd"][0]
    members = [m.user for m in workspace.memberships.select_related("user")]
    plan = ensure_document(
        workspace, "Plan van aanpak energiecoöperatie",
        ["Fase 1: ledenwerving", "Fase 2: daken inventariseren", "Fase 3: subsidie aanvragen"],
        chair,
    )  # fmt: skip
    ensure_meeting(
        workspace, "Startbijeenkomst energiecoöperatie", now + timedelta(days=15),
        location="Dorpshuis Heukelum", agenda="Kennismaking\nPlan van aanpak\nTaakverdeling",
        created_by=chair, documents=[plan],
    )  # fmt: skip
    ensure_thread(
        workspace, "Welke daken komen in aanmerking?",
        [(chair, "Het dorpshuis van Beesd heeft een plat dak op het zuiden."),
         (members[-1], "In Asperen kan het dak van de sporthal mee.")],
    )  # fmt: skip
    ensure_poll(
        workspace, "Welke naam kiezen we?", ["Linge Energie", "Stroom van de Linge"],
        now + timedelta(days=10), [(member, 0) for member in members[:2]], chair,
    )  # fmt: skip
    return project


BOARD_PROJECT = "Wandelroutes langs de Linge"


def load_board_project(kernen, people):
    """A project the board of Beesd started itself: Heukelum accepted, Asperen has not
    answered yet (log in as bestuur-asperen to see the invitation)."""
    if not all(slug in kernen and people.get(slug) for slug in PROJECT_KERNEN):
        return None
    beesd, heukelum, asperen = (kernen[slug] for slug in PROJECT_KERNEN)
    if project_index_of(beesd) is None:
        return None
    project = ProjectPage.objects.filter(title=BOARD_PROJECT).first()
    if project is None:
        project, _invited, _people = start_project(
            kern=beesd, board=provisioning.ensure_board_workspace(beesd),
            user=people["beesd"][0], title=BOARD_PROJECT,
            summary="Beesd, Heukelum en Asperen zetten samen wandelroutes langs de Linge uit, "
            "met bankjes en informatieborden over de geschiedenis van de dorpen.",
            kernen=[heukelum, asperen], emails=[],
        )  # fmt: skip
    pending = ProjectKernInvitation.objects.filter(
        project=project, kern=heukelum, status=InvitationStatus.PENDING
    ).first()
    if pending is not None:
        answer_kern_invitation(
            pending.pk, heukelum, provisioning.ensure_board_workspace(heukelum),
            people["heukelum"][0], accept=True,
        )  # fmt: skip
    return project


DEMO_DECISION = "We vragen een extra bank bij de speeltuin aan."


def load_decision(kernen, people):
    """A decision in the minutes of a Beesd meeting that became a (draft) action point of
    Beesd's kernagenda."""
    beesd = kernen.get("beesd")
    if beesd is None or not people.get("beesd") or not can_make_action_points():
        return None
    workspace = provisioning.ensure_board_workspace(beesd)
    meeting = workspace.meetings.filter(title="Overleg met de gebiedsmakelaar").first()
    if meeting is None:
        return None
    chair = people["beesd"][0]
    decision, _created = MeetingDecision.objects.get_or_create(
        meeting=meeting, text=DEMO_DECISION, defaults={"created_by": chair}
    )
    if decision.converted_at is None:
        _site_id, root_url, _path = workspace.page.specific.get_url_parts()
        try:
            convert_decision(decision, beesd, chair, root_url)
        except LookupError:
            return None
    return decision


__all__ = ["Workspace", "load_members_demo"]
