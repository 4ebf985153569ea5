"""The member area's pages render, stay out of public listings, and keep their queries pinned."""

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from members.models import (
    BoardAreaPage,
    DorpenoverlegPage,
    MeetingDecision,
    ProjectIndexPage,
    ProjectPage,
)
from members.projects import start_project
from members.tests.conftest import add_content

pytestmark = pytest.mark.django_db

#: SQL queries per request, pinned (logged in as a board member).
WORKSPACE_QUERIES = {
    "/beesd/bestuur/": 11,
    "/beesd/bestuur/documenten/": 12,
    "/beesd/bestuur/vergaderingen/": 12,
    "/beesd/bestuur/berichten/": 13,  # + whether organisations are invited (the "to" field)
    "/beesd/bestuur/peilingen/": 12,
    "/beesd/bestuur/leden/": 11,
    "/beesd/bestuur/projecten/": 12,
    "/beesd/bestuur/projecten/nieuw/": 12,
}
PROJECT_INDEX_QUERIES = 6
PROJECT_PAGE_QUERIES = 7


def test_page_tree_rules(municipality, beesd):
    assert BoardAreaPage.parent_page_types == ["kernen.KernPage"]
    assert ProjectPage.parent_page_types == ["members.ProjectIndexPage"]
    for model in (BoardAreaPage, DorpenoverlegPage, ProjectPage):
        assert model.subpage_types == []
    assert BoardAreaPage.objects.child_of(beesd).get().url == "/beesd/bestuur/"
    assert ProjectIndexPage.objects.child_of(municipality).get().url == "/projecten/"
    assert DorpenoverlegPage.objects.child_of(municipality).get().url == "/dorpenoverleg/"


def test_private_pages_stay_out_of_search_and_sitemap(client, world):
    BoardAreaPage.objects.filter(pk=world.board.page_id).update(title="Geheimbestuur")
    Page.objects.filter(pk=world.board.page_id).update(title="Geheimbestuur")
    page = BoardAreaPage.objects.get(pk=world.board.page_id)
    page.save_revision().publish()

    for who in (None, "other_board"):
        if who:
            client.force_login(world.users[who])
        search = client.get("/zoeken/?q=Geheimbestuur").content.decode()
        assert 'href="/beesd/bestuur/' not in search
        documents = client.get("/zoeken/?q=Jaarverslag").content.decode()
        assert "documenten/" not in documents.split('<main id="main"', 1)[1]

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/beesd/bestuur/" not in sitemap
    assert "/dorpenoverleg/" not in sitemap
    assert f"{world.project_page.url}</loc>" in sitemap  # the public summary
    assert "werkruimte" not in sitemap
    assert "documenten" not in sitemap


def test_the_kern_page_links_to_the_board_area_without_showing_content(client, world):
    html = client.get("/beesd/").content.decode()

    assert 'href="/beesd/bestuur/">Bestuursomgeving van Beesd</a>' in html
    assert "Dorpsdag" not in html


def test_the_project_index_lists_projects_with_their_kernen(client, world):
    html = client.get("/projecten/").content.decode()

    assert "Energiecoöperatie" in html
    assert "Beesd, Heukelum" in html
    assert client.get("/projecten/?page=5").status_code == 404


def grow(world, times=4):
    for number in range(times):
        add_content(world.board, world.users["chair"], f" {number}")
    # Projects Beesd started and invitations Beesd received.
    for number, (kern, board, other) in enumerate(
        [(world.beesd, world.board, world.heukelum)] * 2
        + [(world.heukelum, world.other_board, world.beesd)] * 2
    ):
        start_project(
            kern=kern, board=board, user=world.users["chair"], title=f"Samen {number}",
            summary="Samen.", kernen=[other], emails=[],
        )  # fmt: skip


@pytest.mark.parametrize("url", list(WORKSPACE_QUERIES))
def test_workspace_page_queries_do_not_grow(client, world, count_queries, url):
    client.force_login(world.users["own_board"])
    few_response, few = count_queries(client, url)
    grow(world)
    response, many = count_queries(client, url)

    assert few_response.status_code == response.status_code == 200
    assert few == many, f"{url}: {few} → {many}"
    assert many == WORKSPACE_QUERIES[url]
    assert many <= 15


def test_detail_page_queries_stay_within_budget(client, world, count_queries):
    client.force_login(world.users["chair"])  # in the board and in the project
    grow(world)
    content = world.content
    for url in (
        f"/beesd/bestuur/vergaderingen/{content['meeting'].pk}/",
        f"/beesd/bestuur/berichten/{content['thread'].pk}/",
        f"/beesd/bestuur/peilingen/{content['poll'].pk}/",
        f"{world.project_page.url}werkruimte/",
        "/dorpenoverleg/",
    ):
        response, queries = count_queries(client, url)
        assert response.status_code == 200, url
        assert queries <= 15, f"{url}: {queries}"


def test_public_project_pages_queries_do_not_grow(client, world, make_project, count_queries):
    _response, few_index = count_queries(client, "/projecten/")
    _response, few_page = count_queries(client, world.project_page.url)
    for number in range(5):
        make_project(f"Project {number}", [world.beesd, world.heukelum])
    response, many_index = count_queries(client, "/projecten/")
    _response, many_page = count_queries(client, world.project_page.url)

    assert response.content.decode().count('class="card"') == 6
    assert few_index == many_index == PROJECT_INDEX_QUERIES
    assert few_page == many_page == PROJECT_PAGE_QUERIES


@pytest.mark.slow
def test_the_demo_has_boards_a_project_and_a_board_login(client, demo):
    output = demo

    assert "bestuur-beesd / " in output
    assert client.login(username="bestuur-beesd", password="demo-wachtwoord")
    for url in ("/beesd/bestuur/", "/beesd/bestuur/documenten/", "/beesd/bestuur/peilingen/"):
        assert client.get(url).status_code == 200, url
    html = client.get("/beesd/bestuur/").content.decode()
    assert "Bestuursvergadering" in html
    assert "Subsidie voor de dorpsdag" in html
    assert "Welke avond vergaderen we voortaan?" in html
    assert client.get("/heukelum/bestuur/").status_code == 403
    project = ProjectPage.objects.get(slug="energiecooperatie")
    assert project.kernen.count() == 3
    assert client.get(f"{project.url}werkruimte/").status_code == 200
    # The Beesd board started a project; Heukelum accepted, Asperen has not answered yet.
    walks = ProjectPage.objects.get(title="Wandelroutes langs de Linge")
    assert {kern.slug for kern in walks.kernen.all()} == {"beesd", "heukelum"}
    assert client.get(f"{walks.url}werkruimte/").status_code == 200
    assert "Wandelroutes langs de Linge" in client.get("/beesd/bestuur/projecten/").content.decode()
    # A decision of a Beesd meeting became a draft action point that links back.
    decision = MeetingDecision.objects.get(meeting__workspace__page__url_path__contains="beesd")
    assert decision.action_point is not None and not decision.action_point.live
    meeting_url = f"/beesd/bestuur/vergaderingen/{decision.meeting_id}/"
    assert decision.action_point.title in client.get(meeting_url).content.decode()
    pdf = get_document_model().objects.get(title="Jaarverslag Beesd 2025")
    document = client.get(f"/beesd/bestuur/documenten/{pdf.pk}/")
    assert b"".join(document.streaming_content).startswith(b"%PDF-1.4")
    client.logout()
    assert client.login(username="bestuur-asperen", password="demo-wachtwoord")
    assert "Wandelroutes langs de Linge" in client.get("/asperen/bestuur/").content.decode()
