"""``manage.py provision_kern`` as the operations guide uses it, with the language trees on."""

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from kernen.models import KernPage
from kernen.provisioning import provision_municipality

pytestmark = pytest.mark.django_db


def test_the_english_and_polish_home_pages_are_not_other_municipalities(languages, capsys):
    call_command("provision_kern", "Tricht")

    kern = KernPage.objects.get(slug="tricht", locale__language_code="nl")
    assert kern.get_parent().specific.municipality_name == "West Betuwe"
    assert "aangemaakt" in capsys.readouterr().out


def test_the_guides_example_picks_the_named_municipality(languages):
    provision_municipality("Zaltbommel", hostname="zaltbommel.localhost")

    with pytest.raises(CommandError, match="Er zijn meerdere gemeenten .*Zaltbommel"):
        call_command("provision_kern", "Brakel")
    call_command("provision_kern", "Brakel", "--municipality", "Zaltbommel")

    brakel = KernPage.objects.get(slug="brakel", locale__language_code="nl")
    assert brakel.get_parent().title == "Zaltbommel"


def test_an_unknown_municipality_is_named_with_the_ones_there_are(languages):
    with pytest.raises(
        CommandError, match="Geen gemeente “Utrecht” gevonden; er zijn: West Betuwe"
    ):
        call_command("provision_kern", "Brakel", "--municipality", "Utrecht")
    assert not KernPage.objects.filter(slug="brakel").exists()
