"""Factories of the kernen app: municipalities and kernen (made by the provisioning service,
so they come with their sections, groups and collections), inspiration stories and area
brokers. See docs/testing.md."""

import datetime

import factory
import wagtail_factories

from home.factories import ImageFactory, PageFactory
from home.models import HomePage
from kernen.models import AreaBroker, InspirationGalleryImage, InspirationPage, KernPage
from kernen.provisioning import provision_kern, provision_municipality


class MunicipalityFactory(wagtail_factories.PageFactory):
    """A municipality's home page, with its Site, collection and sections:
    ``provision_municipality``, which finds an existing one by name."""

    title = "West Betuwe"
    intro = ""
    hostname = "localhost"
    port = 80
    is_default_site = True

    class Meta:
        model = HomePage

    @classmethod
    def _build(cls, model_class, *args, title, slug, intro, **kwargs):
        return model_class(title=title, slug=slug, municipality_name=title, intro=intro)

    @classmethod
    def _create(cls, model_class, *args, title, parent=None, slug=None, **kwargs):
        home, _report = provision_municipality(title, **kwargs)
        return home


class KernFactory(wagtail_factories.PageFactory):
    """A kern of ``parent=`` (a municipality's home page): ``provision_kern``, with its
    sections, editors group and collection. Other fields are used only for a new kern page."""

    title = factory.Sequence(lambda n: f"Kern {n}")

    class Meta:
        model = KernPage

    @classmethod
    def _create(cls, model_class, *args, parent, title, slug, **fields):
        kern, _report = provision_kern(parent, title, slug=slug, **fields)
        return kern


def _photos(story):
    if not story.photos:
        return []
    collection = story.photo_collection or story.parent.get_parent().specific.collection
    return [
        InspirationGalleryImage(
            image=ImageFactory(collection=collection, tiny=True),
            alt_text=f"Foto {number + 1} van {story.title}",
        )
        for number in range(story.photos)
    ]


class InspirationPageFactory(PageFactory):
    """A story in a kern's inspiration section (``parent=``), with ``tags=[...]`` as its
    themes; ``photos=n`` adds n small photos, in ``photo_collection`` (default: the kern's)."""

    title = factory.Sequence(lambda n: f"Verhaal {n}")
    date = datetime.date(2026, 6, 1)
    intro = factory.LazyAttribute(lambda story: f"Samenvatting van {story.title}.")
    body = factory.LazyAttribute(lambda story: f"<p>Wat we deden: {story.title}.</p>")
    gallery_images = factory.LazyAttribute(_photos)

    class Meta:
        model = InspirationPage

    class Params:
        photos = 0
        photo_collection = None


class AreaBrokerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Gebiedsmakelaar {n}")
    email = factory.Sequence(lambda n: f"makelaar{n}@westbetuwe.example")

    class Meta:
        model = AreaBroker
