"""What the apps add to the municipality and its kernen through Wagtail hooks: sections in a
fixed order, provisioning steps, demo steps and the panels of the kern and home pages
(kernen/sections.py, home/panels.py). A hook registered for one test counts like an app's."""

from wagtail import hooks

import pytest

from home.panels import Panel, panels_of
from kernen import sections
from kernen.provisioning import provision_kern, provision_municipality

pytestmark = pytest.mark.django_db

EXTRA_SECTION = sections.Section(
    model="wagtailcore.Page", title="Proefsectie", slug="proefsectie", order=15
)


def test_a_new_kern_gets_the_sections_of_every_app_in_their_order(municipality):
    with hooks.register_temporarily("kern_sections", lambda: [EXTRA_SECTION]):
        kern, _report = provision_kern(municipality, "Tricht")

    slugs = list(kern.get_children().values_list("slug", flat=True))
    assert slugs == [
        "nieuws",
        "proefsectie",
        "kernagenda",
        "activiteiten",
        "inspiratie",
        "bedrijven",
        "bestuur",
    ]


def test_a_municipality_gets_a_section_and_a_step_registered_as_hooks(db):
    seen = []
    with hooks.register_temporarily(
        [
            ("municipality_sections", lambda: [EXTRA_SECTION]),
            ("municipality_provisioning", lambda home, report: seen.append(home.title)),
        ]
    ):
        home, _report = provision_municipality("Lingewaal", hostname="lingewaal.localhost")

    assert home.get_children().filter(slug="proefsectie").count() == 1
    assert seen == [home.title]


def test_provisioning_steps_run_in_the_order_of_their_hooks(municipality):
    seen = []
    with (
        hooks.register_temporarily(
            "kern_provisioning", lambda kern, report: seen.append("last"), order=1000
        ),
        hooks.register_temporarily(
            "kern_provisioning", lambda kern, report: seen.append("first"), order=-1000
        ),
    ):
        provision_kern(municipality, "Tricht")

    assert seen == ["first", "last"]


def test_the_demo_steps_run_in_a_fixed_order():
    modules = [step.__module__ for step in sections.demo_steps()]

    assert modules == [
        "news.demo",
        "events.demo",
        "agenda.demo",
        "kernen.inspiration_demo",
        "businesses.demo",
        "members.demo",
        "members.organisations_demo",
        "members.chat_demo",
        "dossiers.demo",
        "subscriptions.demo",
    ]


def proefpaneel(kern, request):
    # The search panel's template, with a name that shows where it comes from.
    return {"kern": {"title": "Proefpaneel", "slug": kern.slug}}


def hidden(page, request):
    return None


@pytest.fixture
def extra_panels():
    panels = [
        Panel("kernen.KernPage", "proef", "components/search_kern_panel.html", proefpaneel, 1),
        Panel("kernen.KernPage", "hidden", "components/search_kern_panel.html", hidden),
        Panel("home.HomePage", "proef", "components/search_kern_panel.html", proefpaneel),
    ]
    with hooks.register_temporarily("page_panels", lambda: panels):
        yield


def test_a_panel_registered_as_a_hook_shows_on_the_kern_page_first(client, beesd, extra_panels):
    html = client.get("/beesd/").content.decode()

    assert html.count("Proefpaneel") == 2  # heading and label, once
    assert html.index("Zoeken in Proefpaneel") < html.index("Zoeken in Beesd")
    assert [panel.name for panel in panels_of("kernen.KernPage")][:3] == [
        "proef",
        "search",
        "news.notices",
    ]


def test_panels_show_on_their_own_page_type_only(client, municipality, extra_panels):
    html = client.get("/").content.decode()

    assert html.count("Proefpaneel") == 2  # the home page's panel, not the kern page's
