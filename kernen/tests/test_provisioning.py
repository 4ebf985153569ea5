from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory

from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

import pytest

from home.models import HomePage
from kernen import sections
from kernen.models import KernPage
from kernen.provisioning import provision_kern, provision_municipality

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
    }


def test_provisioning_creates_page_group_collection_and_permissions(municipality):
    kern, report = provision_kern(municipality, "Beesd")

    assert report.changed
    assert kern.get_parent().specific == municipality
    assert kern.url_path.endswith("/beesd/")
    assert kern.live
    assert kern.editors_group.name == "Beesd – redactie"
    assert kern.collection.name == "Beesd"
    assert kern.collection.get_parent().name == "West Betuwe"
    granted = set(
        GroupPagePermission.objects.filter(group=kern.editors_group, page=kern).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page", "publish_page"}
    assert kern.editors_group.permissions.filter(codename="access_admin").exists()
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(
            group=kern.editors_group, collection=kern.collection
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= collection_codenames


def test_provisioning_twice_creates_nothing_new(municipality):
    provision_kern(municipality, "Beesd")
    before = snapshot()

    kern, report = provision_kern(municipality, "Beesd")
    _home, municipality_report = provision_municipality("West Betuwe")

    assert not report.changed
    assert not municipality_report.changed
    assert snapshot() == before
    assert KernPage.objects.filter(title="Beesd").count() == 1


def test_provisioning_keeps_an_edited_kern_as_it_is(municipality):
    kern, _ = provision_kern(municipality, "Beesd", intro="Eerste tekst.")
    kern.intro = "Door de redactie aangepast."
    kern.save_revision().publish()

    provision_kern(municipality, "Beesd", intro="Eerste tekst.")

    assert KernPage.objects.get(pk=kern.pk).intro == "Door de redactie aangepast."


def test_provisioning_the_welcome_site_becomes_the_municipality(db):
    home, _ = provision_municipality("West Betuwe", hostname="localhost", port=80)

    site = Site.objects.get(hostname="localhost", port=80)
    assert site.root_page.specific == home
    assert site.site_name == "West Betuwe"
    # Wagtail's placeholder welcome page is gone; only our home page sits under the root.
    assert [page.specific_class for page in Page.get_first_root_node().get_children()] == [HomePage]


def test_the_welcome_site_moves_to_base_url_when_that_names_another_address(db, settings):
    settings.BASE_URL = "http://127.0.0.1:8000"
    home, _ = provision_municipality("West Betuwe")

    site = Site.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == ("127.0.0.1", 8000, True)
    assert site.root_page.specific == home
    # Any host name is served by the municipality, not by Wagtail's welcome page.
    assert Site.find_for_request(RequestFactory().get("/")) == site


def test_a_second_municipality_keeps_its_tree_groups_and_collections_apart(municipality):
    beesd, _ = provision_kern(municipality, "Beesd")
    other_home, _ = provision_municipality("Zaltbommel", hostname="zaltbommel.localhost")
    # Both municipalities have a kern named "Beesd": no clash of pages, groups or collections.
    other_beesd, _ = provision_kern(other_home, "Beesd")
    other_kern, _ = provision_kern(other_home, "Brakel")

    assert other_beesd.pk != beesd.pk
    assert other_beesd.get_parent().pk == other_home.pk
    assert not other_kern.is_descendant_of(municipality)
    assert Site.objects.get(root_page=other_home).hostname == "zaltbommel.localhost"

    assert other_beesd.editors_group != beesd.editors_group
    assert other_beesd.editors_group.name == "Beesd (Zaltbommel) – redactie"
    assert other_beesd.collection != beesd.collection
    assert other_beesd.collection.get_parent().name == "Zaltbommel"
    assert other_kern.collection.get_parent().name == "Zaltbommel"

    # Beesd's editors have no rights in the other municipality, and the reverse.
    assert not GroupPagePermission.objects.filter(
        group=beesd.editors_group, page__path__startswith=other_home.path
    ).exists()
    assert not GroupPagePermission.objects.filter(
        group=other_kern.editors_group, page__path__startswith=municipality.path
    ).exists()
    assert not GroupCollectionPermission.objects.filter(
        group=other_kern.editors_group, collection=beesd.collection
    ).exists()

    # Provisioning again changes neither.
    before = snapshot()
    provision_kern(other_home, "Beesd")
    provision_kern(municipality, "Beesd")
    assert snapshot() == before


@pytest.fixture
def register_section():
    """Register kern sections with the ``kern_sections`` hook for one test."""
    registered = []
    with hooks.register_temporarily("kern_sections", lambda: list(registered)):
        yield registered.append


def test_an_existing_kern_gets_a_newly_registered_section(municipality, register_section):
    kern, _ = provision_kern(municipality, "Beesd")
    assert not kern.get_children().filter(slug="proefsectie").exists()
    # An app registers its section later; provisioning again adds it, once.
    register_section(
        sections.Section(model="wagtailcore.Page", title="Proefsectie", slug="proefsectie")
    )
    _kern, report = provision_kern(municipality, "Beesd")
    provision_kern(municipality, "Beesd")

    assert report.changed
    kern.refresh_from_db()
    assert kern.get_children().filter(slug="proefsectie").count() == 1


def test_kern_hooks_run_on_every_provisioning(municipality):
    seen = []
    with hooks.register_temporarily(
        "kern_provisioning", lambda kern, report: seen.append(kern.title)
    ):
        provision_kern(municipality, "Beesd")
        provision_kern(municipality, "Beesd")
    provision_kern(municipality, "Beesd")  # no longer registered
    assert seen == ["Beesd", "Beesd"]


def test_provision_kern_command_is_idempotent(municipality, capsys):
    call_command("provision_kern", "Tricht", "--status", "live")
    first = capsys.readouterr().out
    before = snapshot()
    call_command("provision_kern", "Tricht")
    second = capsys.readouterr().out

    assert "aangemaakt" in first
    assert "niets gewijzigd" in second
    assert snapshot() == before
    assert KernPage.objects.get(slug="tricht").rollout_status == "live"


def test_provision_kern_command_without_municipality_explains(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Geen gemeente gevonden"):
        call_command("provision_kern", "Tricht")


def test_provision_kern_command_asks_which_municipality(municipality):
    from django.core.management.base import CommandError

    provision_municipality("Zaltbommel", hostname="zaltbommel.localhost")
    with pytest.raises(CommandError, match="--municipality"):
        call_command("provision_kern", "Brakel")
    call_command("provision_kern", "Brakel", "--municipality", "zaltbommel")
    assert KernPage.objects.get(slug="brakel").get_parent().title == "Zaltbommel"
