"""Versions of a kernagenda: earlier versions stay readable; "Wat is er veranderd"."""

import pytest

from agenda.constants import Status
from agenda.models import ActionPointPage
from agenda.tests.conftest import kernagenda_of
from agenda.versions import publish_version

pytestmark = pytest.mark.django_db


def set_status(point, status):
    ActionPointPage.objects.filter(pk=point.pk).update(status=status)


@pytest.fixture
def two_versions(beesd, make_point):
    kernagenda = kernagenda_of(beesd)
    bermen = make_point(beesd, "Bloemrijke bermen", status=Status.IN_PROGRESS)
    oversteek = make_point(beesd, "Veilige oversteek", status=Status.IDEA)
    make_point(beesd, "Pinautomaat", status=Status.PREPARATION)
    first = publish_version(kernagenda, "Eerste versie")
    set_status(bermen, Status.DONE)
    set_status(oversteek, Status.PREPARATION)
    make_point(beesd, "Speelbos", status=Status.IDEA)
    second = publish_version(kernagenda, "Versie 2 – voorjaar 2026")
    return kernagenda, first, second


def test_an_earlier_version_stays_readable_with_the_status_then(client, two_versions):
    kernagenda, first, _second = two_versions

    response = client.get(f"{kernagenda.url}versies/{first.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kernagenda Beesd: Eerste versie" in html
    bermen = html.split("Bloemrijke bermen")[1][:200]
    assert "In uitvoering" in bermen
    assert "Speelbos" not in html


def test_kernagenda_links_to_its_versions(client, two_versions):
    kernagenda, first, second = two_versions
    html = client.get(kernagenda.url).content.decode()

    assert f'href="{kernagenda.url}versies/{first.pk}/">Eerste versie</a>' in html
    assert f'href="{kernagenda.url}versies/{second.pk}/">Versie 2 – voorjaar 2026</a>' in html


def test_what_has_changed_lists_added_finished_and_changed(client, two_versions):
    kernagenda, first, second = two_versions

    response = client.get(f"{kernagenda.url}wat-is-er-veranderd/?van={first.pk}&naar={second.pk}")

    assert response.status_code == 200
    html = response.content.decode()
    added = html.split('id="added-heading"')[1].split("</section>")[0]
    finished = html.split('id="finished-heading"')[1].split("</section>")[0]
    changed = html.split('id="changed-heading"')[1].split("</section>")[0]
    assert "Speelbos" in added
    assert "Bloemrijke bermen" in finished
    assert "Veilige oversteek" in changed and "idee → in voorbereiding" in changed
    assert "Pinautomaat" not in html


def test_what_has_changed_defaults_to_the_last_two_versions(client, two_versions):
    kernagenda, _first, _second = two_versions

    html = client.get(f"{kernagenda.url}wat-is-er-veranderd/").content.decode()

    assert "Van “Eerste versie” naar “Versie 2 – voorjaar 2026”" in html


def test_what_has_changed_against_now(client, two_versions, beesd, make_point):
    kernagenda, _first, second = two_versions
    make_point(beesd, "Nieuw na versie 2")

    html = client.get(
        f"{kernagenda.url}wat-is-er-veranderd/?van={second.pk}&naar=nu"
    ).content.decode()

    assert "Nieuw na versie 2" in html.split('id="added-heading"')[1]


@pytest.mark.parametrize("query", ["van=abc", "van=999999", "van=1&naar=gisteren"])
def test_what_has_changed_with_bad_versions_gets_a_dutch_400(client, two_versions, query):
    kernagenda, _first, _second = two_versions

    response = client.get(f"{kernagenda.url}wat-is-er-veranderd/?{query}")

    assert response.status_code == 400
    assert "Kies twee versies van deze kernagenda." in response.content.decode()


def test_version_of_another_kernagenda_is_404(client, two_versions, asperen):
    _kernagenda, first, _second = two_versions

    assert client.get(f"{kernagenda_of(asperen).url}versies/{first.pk}/").status_code == 404


def test_kernagenda_without_versions_says_so(client, asperen):
    html = client.get(f"{kernagenda_of(asperen).url}wat-is-er-veranderd/").content.decode()

    assert "Deze kernagenda heeft nog geen gepubliceerde versies." in html
