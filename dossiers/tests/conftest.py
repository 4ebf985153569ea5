"""A resident of Heukelum with a dossier (a note, a letter, a photo), and the people around
them: another resident, the board of Heukelum, the board of Beesd and a superuser."""

from dataclasses import dataclass

import pytest

from dossiers.factories import DocumentItemFactory, DossierFactory, NoteFactory, PhotoItemFactory
from members import services
from members.models import BoardAreaPage, Workspace


@dataclass
class Dossiers:
    dossier: object
    note: object
    letter: object
    photo: object
    board: Workspace
    users: dict


def board_of(kern):
    return Workspace.objects.get(page=BoardAreaPage.objects.child_of(kern).get())


@pytest.fixture
def world(beesd, heukelum, make_user, django_user_model):
    users = {
        "owner": make_user("bewoner", email="bewoner@example.nl", first_name="Ans"),
        "other_resident": make_user("buurman", email="buurman@example.nl", first_name="Kees"),
        "board_member": make_user("bestuur-heukelum", email="bestuur@heukelum.example"),
        "other_board": make_user("bestuur-beesd", email="bestuur@beesd.example"),
        "superuser": django_user_model.objects.create_superuser(
            "beheer", "beheer@example.nl", "correct-horse-battery"
        ),
    }
    board = board_of(heukelum)
    services.add_member(board, users["board_member"])
    services.add_member(board_of(beesd), users["other_board"])
    dossier = DossierFactory(owner=users["owner"], title="Dijkversterking")
    return Dossiers(
        dossier=dossier,
        note=NoteFactory(dossier=dossier, title="Gesprek aannemer"),
        letter=DocumentItemFactory(dossier=dossier, title="Brief waterschap"),
        photo=PhotoItemFactory(dossier=dossier, title="Scheur in de muur"),
        board=board,
        users=users,
    )


def dossier_urls(world):
    base = f"/mijn-dossier/{world.dossier.pk}/"
    return {
        "dossier": base,
        "note": f"{base}stukken/{world.note.pk}/",
        "letter": f"{base}stukken/{world.letter.pk}/",
        "letter file": f"{base}stukken/{world.letter.pk}/bestand/",
        "photo file": f"{base}stukken/{world.photo.pk}/bestand/",
    }


def owner_urls(world):
    base = f"/mijn-dossier/{world.dossier.pk}/"
    return {"add": f"{base}toevoegen/", "shares": f"{base}delen/", "log": f"{base}inzage/"}
