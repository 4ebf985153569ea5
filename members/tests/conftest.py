"""A small member world: the boards of Beesd and Heukelum with members and content, two
gebiedsmakelaars, and a project of Beesd and Heukelum."""

import io
import zipfile
from dataclasses import dataclass

import pytest

from home.factories import simple_pdf
from kernen.factories import AreaBrokerFactory
from members import services
from members.constants import Role
from members.factories import (
    DocumentFactory,
    MeetingFactory,
    PollFactory,
    PostFactory,
    ProjectPageFactory,
    ThreadFactory,
)
from members.models import BoardAreaPage, ProjectIndexPage, ProjectPage, Workspace
from tests.snapshots import snapshot


def make_pdf(title="Notulen"):
    return simple_pdf(title, ["Regel een", "Regel twee"])


def make_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def add_content(workspace, author, label=""):
    document = DocumentFactory(
        workspace=workspace,
        title=f"Jaarverslag{label}",
        heading="Notulen",
        file_name="jaarverslag.pdf",
    )
    meeting = MeetingFactory(
        workspace=workspace, title=f"Bestuursvergadering{label}", documents=[document]
    )
    thread = ThreadFactory(workspace=workspace, title=f"Dorpsdag{label}", author=author)
    PostFactory(thread=thread, body="Wie helpt mee?")
    poll = PollFactory(
        workspace=workspace, question=f"Welke avond{label}?", options=["Maandag", "Dinsdag"]
    )
    return {"document": document, "meeting": meeting, "thread": thread, "poll": poll}


@dataclass
class World:
    beesd: object
    heukelum: object
    board: Workspace
    other_board: Workspace
    project_page: ProjectPage
    project: Workspace
    users: dict
    content: dict
    project_content: dict


@pytest.fixture
def board_of():
    def get(kern):
        page = BoardAreaPage.objects.child_of(kern).get()
        return Workspace.objects.get(page=page)

    return get


@pytest.fixture
def make_project(municipality):
    def make(title, kernen):
        return ProjectPageFactory(
            parent=ProjectIndexPage.objects.child_of(municipality).get(),
            title=title,
            kernen=kernen,
        )

    return make


@pytest.fixture
@snapshot
def world(beesd, heukelum, make_user, board_of, make_project):
    board, other_board = board_of(beesd), board_of(heukelum)
    users = {
        "chair": make_user(
            "voorzitter-beesd", email="voorzitter@beesd.example", first_name="Marieke"
        ),  # fmt: skip
        "own_board": make_user("lid-beesd", email="lid@beesd.example", first_name="Henk"),
        "other_board": make_user("lid-heukelum", email="lid@heukelum.example"),
        "assigned_broker": make_user("makelaar-beesd", email="makelaar1@westbetuwe.example"),
        "unassigned_broker": make_user("makelaar-elders", email="makelaar2@westbetuwe.example"),
        "project_member": make_user("project-heukelum", email="project@heukelum.example"),
        "removed": make_user("oud-lid-beesd", email="oud@beesd.example"),
    }
    services.add_member(board, users["chair"], Role.CHAIR)
    services.add_member(board, users["own_board"])
    services.add_member(other_board, users["other_board"])
    services.add_member(other_board, users["project_member"])
    services.add_member(board, users["removed"]).delete()

    assigned = AreaBrokerFactory(
        name="Anouk", email="a@westbetuwe.example", user=users["assigned_broker"]
    )
    unassigned = AreaBrokerFactory(
        name="Jeroen", email="j@westbetuwe.example", user=users["unassigned_broker"]
    )
    beesd.area_broker = assigned
    beesd.save_revision().publish()
    heukelum.area_broker = unassigned
    heukelum.save_revision().publish()

    project_page = make_project("Energiecoöperatie", [beesd, heukelum])
    project = Workspace.objects.get(page=project_page)
    services.add_member(project, users["chair"], Role.CHAIR)
    services.add_member(project, users["project_member"])
    return World(
        beesd=beesd,
        heukelum=heukelum,
        board=board,
        other_board=other_board,
        project_page=project_page,
        project=project,
        users=users,
        content=add_content(board, users["chair"]),
        project_content=add_content(project, users["chair"], " project"),
    )


@pytest.fixture
def meeting_minutes():
    """The minutes the ``meeting`` fixture gives the Beesd board's meeting: none, unless a
    test module overrides this fixture with its own text."""
    return ""


@pytest.fixture
def meeting(world, meeting_minutes):
    """The Beesd board's meeting, its minutes ``meeting_minutes``."""
    meeting = world.content["meeting"]
    meeting.minutes = meeting_minutes
    meeting.save()
    return meeting


@pytest.fixture
def meeting_url(meeting):
    return f"/beesd/bestuur/vergaderingen/{meeting.pk}/"
