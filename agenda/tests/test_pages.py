"""The public pages of the kernagenda: kernagenda, action point, print view, overview."""

import re

from wagtail.models import PageViewRestriction

import pytest

from agenda.constants import Status
from agenda.models import ActionPointPage, KernagendaOverviewPage, KernagendaPage

pytestmark = pytest.mark.django_db


def html_of(response):
    return response.content.decode()


def test_every_kern_gets_a_kernagenda_and_the_municipality_an_overview(municipality, beesd):
    assert KernagendaPage.objects.child_of(beesd).get().url == "/beesd/kernagenda/"
    overview = KernagendaOverviewPage.objects.child_of(municipality).get()
    assert overview.url == "/kernagendas/"
    assert overview.show_in_menus


def test_overview_is_in_the_main_menu(client, beesd):
    html = html_of(client.get("/"))
    assert '<a href="/kernagendas/">Kernagenda&#x27;s</a>' in html


def test_kernagenda_groups_points_by_theme_with_status_and_last_update(
    client, beesd, make_point, add_update
):
    crossing = make_point(beesd, "Veilige oversteek", theme="verkeer-en-veiligheid")
    make_point(beesd, "Bloemrijke bermen", theme="groen", status=Status.DONE)
    add_update(crossing, "Eerste gesprek met de school.", days_ago=20)
    add_update(crossing, "Tekening klaar.", days_ago=2, order=1)

    response = client.get("/beesd/kernagenda/")

    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Kernagenda Beesd</h1>" in html
    assert html.index(">Verkeer en veiligheid</h3>") < html.index("Veilige oversteek")
    assert html.index(">Groen</h3>") < html.index("Bloemrijke bermen")
    assert html.index("Veilige oversteek") < html.index(">Groen</h3>")
    assert "Tekening klaar." in html
    assert "Eerste gesprek met de school." not in html  # only the last update
    assert '<span class="agenda-status agenda-status--afgerond">Afgerond</span>' in html


def test_joint_point_shows_on_both_kernagendas_and_once_on_the_overview(
    client, beesd, asperen, heukelum, make_point
):
    joint = make_point(beesd, "Samen een buurtbus", joint_kernen=[asperen])
    make_point(heukelum, "Alleen in Heukelum")

    beesd_html = html_of(client.get("/beesd/kernagenda/"))
    asperen_html = html_of(client.get("/asperen/kernagenda/"))
    heukelum_html = html_of(client.get("/heukelum/kernagenda/"))
    overview_html = html_of(client.get("/kernagendas/"))

    assert "Samen een buurtbus" in beesd_html
    assert "Samen met Asperen" in beesd_html
    assert "Samen een buurtbus" in asperen_html
    assert "Gezamenlijk actiepunt van Beesd" in asperen_html
    assert joint.url in asperen_html  # the one page of Beesd, no copy
    assert "Samen een buurtbus" not in heukelum_html
    assert overview_html.count(f'href="{joint.url}"') == 1
    assert ActionPointPage.objects.filter(title="Samen een buurtbus").count() == 1


def titles_in(html):
    return set(re.findall(r'class="agenda-item__title"><a href="[^"]+">([^<]+)</a>', html))


def test_kernagenda_filters_by_status_and_theme_exactly(client, beesd, make_point):
    make_point(beesd, "Groen idee", theme="groen", status=Status.IDEA)
    make_point(beesd, "Groen klaar", theme="groen", status=Status.DONE)
    make_point(beesd, "Energie idee", theme="energie", status=Status.IDEA)

    assert titles_in(html_of(client.get("/beesd/kernagenda/?status=idee"))) == {
        "Groen idee",
        "Energie idee",
    }
    assert titles_in(html_of(client.get("/beesd/kernagenda/?thema=groen"))) == {
        "Groen idee",
        "Groen klaar",
    }
    assert titles_in(html_of(client.get("/beesd/kernagenda/?thema=groen&status=afgerond"))) == {
        "Groen klaar"
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=bijna", "Deze status bestaat niet."),
        ("thema=ruimtevaart", "Dit thema bestaat niet."),
    ],
)
def test_kernagenda_bad_filter_gets_a_dutch_message_and_400(client, beesd, query, message):
    response = client.get(f"/beesd/kernagenda/?{query}")

    assert response.status_code == 400
    assert message in html_of(response)


def test_overview_filters_by_kern_theme_status_and_joint_exactly(
    client, beesd, asperen, heukelum, make_point
):
    make_point(beesd, "Beesd groen", theme="groen")
    make_point(beesd, "Beesd samen", theme="energie", joint_kernen=[asperen], status=Status.DONE)
    make_point(asperen, "Asperen groen", theme="groen", status=Status.DONE)
    make_point(heukelum, "Heukelum inkoop", theme="energie", joint_purchase=True)

    def listed(query):
        return titles_in(html_of(client.get(f"/kernagendas/?{query}")))

    assert listed("kern=asperen") == {"Beesd samen", "Asperen groen"}
    assert listed("thema=groen") == {"Beesd groen", "Asperen groen"}
    assert listed("status=afgerond") == {"Beesd samen", "Asperen groen"}
    assert listed("samen=on") == {"Beesd samen", "Heukelum inkoop"}
    assert listed("kern=beesd&thema=energie") == {"Beesd samen"}
    assert listed("") == {"Beesd groen", "Beesd samen", "Asperen groen", "Heukelum inkoop"}
    bad = client.get("/kernagendas/?kern=atlantis")
    assert bad.status_code == 400
    assert "Deze kern bestaat niet." in html_of(bad)


def test_overview_counts_per_status_per_kern_chart_and_budget_per_theme(
    client, beesd, asperen, make_point
):
    make_point(beesd, "Een", status=Status.IDEA, budget_requested=1000, budget_granted=500)
    make_point(beesd, "Twee", status=Status.IDEA, theme="energie", budget_requested=2500)
    make_point(asperen, "Drie", status=Status.DONE, budget_requested=300, budget_granted=300)

    html = html_of(client.get("/kernagendas/"))

    row = re.search(r'<tr><th scope="row">Beesd</th>(.*?)</tr>', html).group(1)
    assert re.findall(r"<td>(\d+)</td>", row) == ["2", "0", "0", "0", "0", "2"]
    row = re.search(r'<tr><th scope="row">Asperen</th>(.*?)</tr>', html).group(1)
    assert re.findall(r"<td>(\d+)</td>", row) == ["0", "0", "0", "1", "0", "1"]
    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in html
    assert "3 actiepunten in totaal" in html
    assert re.search(r"Groen</th><td>€ 1\.300</td><td>€ 800</td>", html)
    assert re.search(r"Energie</th><td>€ 2\.500</td><td>€ 0</td>", html)


def test_overview_pages_go_through_every_point_by_kern_theme_and_title_across_kernen(
    client, monkeypatch, beesd, asperen, heukelum, make_point, themes
):
    monkeypatch.setattr("agenda.views.OVERVIEW_PAGE_SIZE", 3)
    for title in ("Bb", "Aa", "Cc"):
        make_point(beesd, f"Beesd {title}")
    make_point(beesd, "Beesd energie", theme="energie")
    make_point(asperen, "Asperen een")
    for title in ("twee", "een"):
        make_point(heukelum, f"Heukelum {title}")
    beesd_themes = sorted(
        [("Beesd Aa", "groen"), ("Beesd Bb", "groen"), ("Beesd Cc", "groen")]
        + [("Beesd energie", "energie")],
        key=lambda point: (themes[point[1]].sort_order, point[0]),
    )
    expected = ["Asperen een", *(title for title, _ in beesd_themes)]
    expected += ["Heukelum een", "Heukelum twee"]

    def listed(number):
        html = html_of(client.get(f"/kernagendas/?pagina={number}"))
        return re.findall(r'class="agenda-item__title"><a href="[^"]+">([^<]+)</a>', html)

    assert [listed(1), listed(2), listed(3)] == [expected[0:3], expected[3:6], expected[6:7]]
    assert client.get("/kernagendas/?pagina=4").status_code == 404
    assert listed("1&kern=beesd") == [title for title, _ in beesd_themes][:3]


def test_the_overview_counts_again_when_a_point_is_published_or_unpublished(
    client, beesd, asperen, make_point
):
    make_point(beesd, "Een", status=Status.IDEA)
    assert "1 actiepunt in totaal" in html_of(client.get("/kernagendas/"))

    second = make_point(asperen, "Twee", status=Status.DONE)
    second.save_revision().publish()
    html = html_of(client.get("/kernagendas/?pagina=1"))
    assert "2 actiepunten in totaal" in html
    row = re.search(r'<tr><th scope="row">Asperen</th>(.*?)</tr>', html).group(1)
    assert re.findall(r"<td>(\d+)</td>", row) == ["0", "0", "0", "1", "0", "1"]

    second.unpublish()
    assert "1 actiepunt in totaal" in html_of(client.get("/kernagendas/?kern=beesd&pagina=1"))
    assert "1 actiepunt in totaal" in html_of(client.get("/kernagendas/"))


def test_overview_page_past_the_end_is_404(client, beesd, make_point):
    make_point(beesd)
    assert client.get("/kernagendas/?page=2").status_code == 404
    assert client.get("/kernagendas/?page=twee").status_code == 404


def test_action_point_page_shows_fields_timeline_newest_first_and_joint_kernen(
    client, beesd, asperen, make_point, add_update
):
    point = make_point(
        beesd,
        "Samen een buurtbus",
        theme="verkeer-en-veiligheid",
        carrier_name="Werkgroep Vervoer",
        carrier_email="vervoer@example.nl",
        municipality_contact_name="Anouk de Wit",
        budget_requested=12000,
        budget_granted=8000,
        budget_source="kernenbudget",
        joint_kernen=[asperen],
    )
    add_update(point, "Oudste stap.", days_ago=30)
    add_update(point, "Nieuwste stap.", days_ago=1, new_status=Status.PREPARATION, order=1)

    response = client.get(point.url)

    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Samen een buurtbus</h1>" in html
    assert html.index("Nieuwste stap.") < html.index("Oudste stap.")
    assert 'href="/asperen/">Asperen</a>' in html
    assert "Werkgroep Vervoer" in html
    assert "Anouk de Wit" in html
    assert "€ 12.000" in html and "€ 8.000" in html
    assert "Kernenbudget" in html
    assert 'href="/beesd/kernagenda/">Kernagenda</a>' in html


def test_action_point_shows_similar_points_of_other_kernen(client, beesd, asperen, make_point):
    point = make_point(beesd, "Zonnepanelen op het dorpshuis", theme="energie")
    similar = make_point(asperen, "Zonnepanelen voor de sporthal", theme="energie")
    make_point(asperen, "Zonnepanelen in het groen", theme="groen")  # other theme
    make_point(asperen, "Warmtescan", theme="energie")  # no word in common
    make_point(beesd, "Zonnepanelen op de school", theme="energie")  # same kern

    html = html_of(client.get(point.url))

    assert "Ook in andere kernen" in html
    section = html.split("Ook in andere kernen")[1]
    assert similar.url in section
    for title in ("Zonnepanelen in het groen", "Warmtescan", "Zonnepanelen op de school"):
        assert title not in section


def test_print_view_lists_themes_points_status_and_contacts(client, beesd, make_point):
    make_point(beesd, "Bloemrijke bermen", carrier_name="Werkgroep Groen", carrier_phone="06-1")

    response = client.get("/beesd/kernagenda/print/")

    assert response.status_code == 200
    html = html_of(response)
    assert "page-kernagenda-print" in html
    assert "<h2" in html and "Groen</h2>" in html
    assert "Bloemrijke bermen" in html
    assert "(idee)" in html
    assert "Werkgroep Groen" in html and "06-1" in html


def test_draft_and_private_points_stay_out_of_every_listing(client, beesd, asperen, make_point):
    make_point(beesd, "Openbaar punt")
    draft = make_point(beesd, "Conceptpunt")
    draft.unpublish()
    private = make_point(beesd, "Besloten punt", joint_kernen=[asperen])
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    for url in ("/beesd/kernagenda/", "/asperen/kernagenda/", "/kernagendas/", "/beesd/"):
        html = html_of(client.get(url))
        assert "Conceptpunt" not in html, url
        assert "Besloten punt" not in html, url
    assert "Openbaar punt" in html_of(client.get("/kernagendas/"))
