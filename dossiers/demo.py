"""Demo of the dossiers: a resident of Heukelum keeps a dossier about the dike reinforcement
along the Linge and shares it with the board of Heukelum. Idempotent: a dossier with the demo
title is left alone."""

from dossiers.factories import DocumentItemFactory, DossierFactory, NoteFactory, PhotoItemFactory
from dossiers.models import Dossier, DossierShare
from kernen.demo import demo_login
from kernen.models import KernPage

RESIDENT = "bewoner-heukelum"
TITLE = "Dijkversterking Heukelum"


def heukelum_board(home):
    kern = KernPage.objects.descendant_of(home).filter(slug="heukelum").first()
    if kern is None:
        return None
    workspaces = DossierShare._meta.get_field("workspace").related_model.objects
    return workspaces.filter(kind="board", page__path__startswith=kern.path).first()


def load_dossier_demo(home, stdout=None):
    resident = demo_login(
        "Inwoner met een eigen dossier (Heukelum)",
        RESIDENT,
        first_name="Ans",
        last_name="van Leeuwen",
        email="ans.vanleeuwen@example.nl",
    )
    if Dossier.objects.filter(owner=resident, title=TITLE).exists():
        return
    dossier = DossierFactory(
        owner=resident,
        title=TITLE,
        description="Alles over de versterking van de Lingedijk voor ons huis aan de Dijkweg.",
    )
    DocumentItemFactory(
        dossier=dossier,
        title="Brief van het waterschap over de planning",
        file_name="brief-waterschap.pdf",
    )
    PhotoItemFactory(
        dossier=dossier, title="Scheur in de muur na het heien", file_name="scheur.jpg"
    )
    NoteFactory(
        dossier=dossier,
        title="Gesprek met de aannemer",
        text="De aannemer komt de scheur opnemen. Trillingsmeter staat sinds maandag in de tuin.",
    )
    board = heukelum_board(home)
    if board is not None:
        DossierShare.objects.create(dossier=dossier, workspace=board)
    if stdout is not None:
        stdout.write(f"Dossier '{TITLE}' van {RESIDENT}, gedeeld met {board or 'niemand'}.")
