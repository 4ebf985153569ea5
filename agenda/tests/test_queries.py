"""SQL queries per public page of the kernagenda: pinned, and the same for little and much
content (the overview with 26 kernen × 40 action points included)."""

import pytest

from agenda.constants import Status
from agenda.models import ActionPointPage, KernagendaPage, SignUp
from agenda.tests.bulk import bulk_add_children
from agenda.tests.conftest import kernagenda_of
from agenda.versions import publish_version
from kernen.models import KernPage
from tests.test_pages import KERN_PAGE_QUERIES as FULL_KERN_PAGE_QUERIES

pytestmark = pytest.mark.django_db

#: Pinned. A change that adds queries must change these on purpose.
#: Wagtail's routing to a kernagenda costs 5 (site, two levels of page and specific page; the
#: home page's own row is not needed, home.views.route; no view restriction can apply,
#: home.queries.restriction_reach); the portal settings 1 more
#: (the menu comes from the cache).
KERNAGENDA_QUERIES = 10
PRINT_QUERIES = 8
ACTION_POINT_QUERIES = 10
OVERVIEW_QUERIES = 7
VERSION_QUERIES = 7
CHANGES_QUERIES = 7
#: A kern page without area broker and image: the same as the whole page pinned in
#: tests/test_pages.py (image and broker come with the page), which counts every app's panel.
KERN_PAGE_QUERIES = FULL_KERN_PAGE_QUERIES


def add_points(kern, number, themes, **fields):
    kernagenda = kernagenda_of(kern)
    theme_list = list(themes.values())
    start = kernagenda.numchild
    return bulk_add_children(
        kernagenda,
        [
            ActionPointPage(
                title=f"Actiepunt {start + index}",
                slug=f"actiepunt-{start + index}",
                summary="Samen met de buurt.",
                kern=kern,
                theme=theme_list[index % len(theme_list)],
                status=Status.values[index % len(Status.values)],
                **fields,
            )
            for index in range(number)
        ],
    )


def add_updates(points, number):
    from agenda.models import ProgressUpdate

    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(page=point, text=f"Stap {step}", sort_order=step)
            for point in points
            for step in range(number)
        ]
    )


def test_kernagenda_queries_do_not_grow(client, beesd, asperen, heukelum, themes, count_queries):
    add_points(beesd, 3, themes)
    _response, few = count_queries(client, "/beesd/kernagenda/")
    points = add_points(beesd, 37, themes)
    add_updates(points, 4)
    for point in add_points(asperen, 5, themes) + add_points(heukelum, 5, themes):
        ActionPointPage.joint_kernen.through.objects.create(actionpointpage=point, kernpage=beesd)
    response, many = count_queries(client, "/beesd/kernagenda/")

    assert response.status_code == 200
    # At most KERNAGENDA_PREVIEW (6) of each theme's 8, 8, 8, 7, 7, 4, 4 and 4 points.
    assert response.content.decode().count('<li class="agenda-item') == 42
    assert few == many, "the kernagenda's queries grow with its action points"
    assert many == KERNAGENDA_QUERIES
    filtered, number = count_queries(client, "/beesd/kernagenda/?status=idee&thema=groen")
    assert filtered.status_code == 200
    assert number == KERNAGENDA_QUERIES


def test_print_view_queries_do_not_grow(client, beesd, themes, count_queries):
    add_points(beesd, 2, themes)
    _response, few = count_queries(client, "/beesd/kernagenda/print/")
    add_points(beesd, 38, themes)
    response, many = count_queries(client, "/beesd/kernagenda/print/")

    assert response.status_code == 200
    assert few == many == PRINT_QUERIES


def test_action_point_queries_do_not_grow(
    client, beesd, asperen, heukelum, make_kern, themes, count_queries
):
    point = add_points(beesd, 1, themes, joint_purchase=True)[0]
    url = point.url
    _response, few = count_queries(client, url)
    others = [asperen, heukelum, make_kern("Tuil")]
    for other in others:
        ActionPointPage.joint_kernen.through.objects.create(actionpointpage=point, kernpage=other)
        add_points(other, 10, themes)
    add_updates([point], 12)
    SignUp.objects.bulk_create(
        [
            SignUp(action_point=point, name=f"Inwoner {n}", email=f"i{n}@example.nl", consent=True)
            for n in range(20)
        ]
    )
    response, many = count_queries(client, url)

    assert response.status_code == 200
    assert "20 inwoners hebben zich aangemeld" in response.content.decode()
    assert few == many, "the action point's queries grow with its content"
    assert many == ACTION_POINT_QUERIES


def build_kernen(municipality, number, points_each, themes):
    kernen = bulk_add_children(
        municipality,
        [
            KernPage(title=f"Kern {index:02d}", slug=f"kern-{index:02d}", intro="Een kern.")
            for index in range(number)
        ],
    )
    for kern in kernen:
        bulk_add_children(kern, [KernagendaPage(title="Kernagenda", slug="kernagenda")])
        add_points(kern, points_each, themes, budget_requested=1000)
    return kernen


def test_overview_queries_do_not_grow_up_to_26_kernen_of_40_points(
    client, municipality, themes, count_queries
):
    few_kernen = build_kernen(municipality, 2, 2, themes)
    ActionPointPage.joint_kernen.through.objects.create(
        actionpointpage=ActionPointPage.objects.filter(kern=few_kernen[0]).first(),
        kernpage=few_kernen[1],
    )
    _response, few = count_queries(client, "/kernagendas/")
    _response, few_filtered = count_queries(client, "/kernagendas/?kern=kern-01&samen=on")
    KernPage.objects.all().delete()
    kernen = build_kernen(municipality, 26, 40, themes)
    for point in ActionPointPage.objects.filter(kern=kernen[0])[:10]:
        ActionPointPage.joint_kernen.through.objects.create(
            actionpointpage=point, kernpage=kernen[1]
        )
    response, many = count_queries(client, "/kernagendas/")
    filtered, many_filtered = count_queries(client, "/kernagendas/?kern=kern-01&samen=on")

    assert ActionPointPage.objects.count() == 26 * 40
    html = response.content.decode()
    assert "1040 actiepunten" in html
    assert html.count('<tr><th scope="row">Kern ') == 26
    assert few == many, "the overview's queries grow with the kernen and action points"
    assert many == OVERVIEW_QUERIES
    assert filtered.content.decode().count('<li class="agenda-item') == 10
    assert few_filtered == many_filtered == OVERVIEW_QUERIES


def test_version_and_changes_queries_do_not_grow(client, beesd, themes, count_queries):
    kernagenda = kernagenda_of(beesd)
    add_points(beesd, 2, themes)
    first = publish_version(kernagenda, "Eerste versie")
    second = publish_version(kernagenda, "Tweede versie")
    version_url = f"{kernagenda.url}versies/{first.pk}/"
    changes_url = f"{kernagenda.url}wat-is-er-veranderd/?van={first.pk}&naar={second.pk}"
    _response, version_few = count_queries(client, version_url)
    _response, changes_few = count_queries(client, changes_url)

    add_points(beesd, 38, themes)
    first.points = publish_version(kernagenda, "tijdelijk").points
    first.save()
    response, version_many = count_queries(client, version_url)
    _response, changes_many = count_queries(client, changes_url)

    assert response.status_code == 200
    assert version_few == version_many == VERSION_QUERIES
    assert changes_few == changes_many == CHANGES_QUERIES


def test_kern_page_panel_costs_one_query(client, beesd, asperen, themes, count_queries):
    add_points(beesd, 2, themes)
    _response, few = count_queries(client, "/beesd/")
    add_points(beesd, 30, themes)
    for point in add_points(asperen, 5, themes):
        ActionPointPage.joint_kernen.through.objects.create(actionpointpage=point, kernpage=beesd)
    response, many = count_queries(client, "/beesd/")

    assert "Beesd werkt aan 37 actiepunten." in response.content.decode()
    assert few == many == KERN_PAGE_QUERIES


def test_kernagenda_shows_a_bounded_part_of_a_long_theme_with_a_link_to_the_rest(
    client, beesd, themes, count_queries
):
    from agenda.constants import KERNAGENDA_GROUP_SIZE as SIZE
    from agenda.constants import KERNAGENDA_PREVIEW as PREVIEW

    add_points(beesd, 2, {"energie": themes["energie"]})
    add_points(beesd, PREVIEW, {"groen": themes["groen"]})
    few_response, few = count_queries(client, "/beesd/kernagenda/")
    add_points(beesd, 3 * SIZE + 3 - PREVIEW, {"groen": themes["groen"]})  # 3 pages and 3
    response, many = count_queries(client, "/beesd/kernagenda/")

    html = response.content.decode()
    assert html.count('<li class="agenda-item') == PREVIEW + 2
    assert f"{3 * SIZE + 5} actiepunten" in html
    assert f'<a href="?groep=groen">Toon alle {3 * SIZE + 3} actiepunten over Groen</a>' in html
    assert "?groep=energie" not in html  # a short theme is shown whole
    assert few == many == KERNAGENDA_QUERIES
    # The page weighs the same (±10 %) with 6 points in a theme as with 63.
    assert abs(len(response.content) - len(few_response.content)) < 0.1 * len(few_response.content)

    last, queries = count_queries(client, "/beesd/kernagenda/?groep=groen&pagina=4")
    assert last.content.decode().count('<li class="agenda-item') == 3
    assert "Pagina 4 van 4" in last.content.decode()
    assert queries == KERNAGENDA_QUERIES
    # The old name of the page parameter is still read.
    second = client.get("/beesd/kernagenda/?groep=groen&page=2").content.decode()
    assert second.count('<li class="agenda-item') == SIZE
    assert 'href="?groep=groen&amp;pagina=3" rel="next"' in second
    assert client.get("/beesd/kernagenda/?groep=groen&pagina=5").status_code == 404
    assert client.get("/beesd/kernagenda/?groep=groen&page=x").status_code == 404
    assert client.get("/beesd/kernagenda/?groep=ruimtevaart").status_code == 404
