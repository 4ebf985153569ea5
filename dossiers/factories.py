"""Test and demo data of the dossiers: a dossier, items (note, document, photo) and shares."""

import io

from django.core.files.base import ContentFile

import factory
from PIL import Image

from dossiers.constants import ItemKind
from dossiers.models import Dossier, DossierItem, DossierShare
from home.factories import UserFactory, simple_pdf


def jpeg_bytes(colour="steelblue", size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


class DossierFactory(factory.django.DjangoModelFactory):
    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Dossier {n}")

    class Meta:
        model = Dossier


class NoteFactory(factory.django.DjangoModelFactory):
    dossier = factory.SubFactory(DossierFactory)
    kind = ItemKind.NOTE
    title = factory.Sequence(lambda n: f"Notitie {n}")
    text = "Gesprek met de aannemer."

    class Meta:
        model = DossierItem


class DocumentItemFactory(NoteFactory):
    """A PDF item; ``file_name`` names the file."""

    kind = ItemKind.FILE
    title = factory.Sequence(lambda n: f"Brief {n}")
    text = ""
    content_type = "application/pdf"
    original_name = factory.LazyAttribute(lambda item: item.file_name)
    file = factory.LazyAttribute(
        lambda item: ContentFile(simple_pdf(item.title, ["Geachte bewoner,"]), item.file_name)
    )
    size = factory.LazyAttribute(lambda item: item.file.size)

    class Params:
        file_name = "brief.pdf"


class PhotoItemFactory(DocumentItemFactory):
    kind = ItemKind.PHOTO
    title = factory.Sequence(lambda n: f"Foto {n}")
    content_type = "image/jpeg"
    file = factory.LazyAttribute(lambda item: ContentFile(jpeg_bytes(), item.file_name))

    class Params:
        file_name = "foto.jpg"


class ShareFactory(factory.django.DjangoModelFactory):
    """A share of the whole dossier with a person (``user``); pass ``workspace=`` and
    ``user=None`` for a board."""

    dossier = factory.SubFactory(DossierFactory)
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = DossierShare
