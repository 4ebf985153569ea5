"""The demo step: a Heukelum resident's dike dossier, shared with the board of Heukelum."""

import pytest

from dossiers.demo import RESIDENT, TITLE, load_dossier_demo
from dossiers.models import Dossier
from kernen.demo import LOGINS

pytestmark = pytest.mark.django_db


def test_the_demo_dossier_is_shared_with_the_board_of_heukelum(client, world, municipality):
    load_dossier_demo(municipality)
    load_dossier_demo(municipality)  # idempotent

    dossier = Dossier.objects.get(title=TITLE)
    assert dossier.owner.username == RESIDENT
    assert dossier.items.count() == 3
    assert any(username == RESIDENT for _role, username in LOGINS)
    client.force_login(world.users["board_member"])
    assert client.get(f"/mijn-dossier/{dossier.pk}/").status_code == 200
    client.force_login(world.users["other_board"])
    assert client.get(f"/mijn-dossier/{dossier.pk}/").status_code == 404
