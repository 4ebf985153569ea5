"""Factories for test, demo and benchmark data (factory_boy and wagtail-factories), and the
bases the other apps' factories build on. See docs/testing.md.

- ``PageFactory``: a page below ``parent=``, published with a revision as an editor publishes
  it; ``draft=True`` leaves it unpublished (with a revision), ``revision=False`` leaves it
  without a revision.
- ``UserFactory``, ``FormPageFactory`` (the klankbordgroep), ``DocumentFactory`` (a PDF) and
  ``ImageFactory`` (a landscape drawn with Pillow).
- ``get_or_create``: what the idempotent demo steps use.
"""

import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.models import Collection

import factory
import wagtail_factories
from PIL import Image as PILImage
from PIL import ImageDraw

from home.models import FormField, FormPage

#: The password of every user the tests make.
TEST_PASSWORD = "correct-horse-battery"  # noqa: S105 - test data


def get_or_create(factory_class, defaults=None, **lookup):
    """Like Django's ``get_or_create``, but what is missing is made by ``factory_class``:
    ``(object, created)``. The lookup holds model fields; ``defaults`` any factory argument."""
    model = factory_class._meta.get_model_class()
    found = model._default_manager.filter(**lookup).first()
    if found is not None:
        return found, False
    return factory_class(**lookup, **(defaults or {})), True


# --- pages ----------------------------------------------------------------------------------


class PageFactory(wagtail_factories.PageFactory):
    """A page (a plain Wagtail page here; the apps' factories make their own types) added
    below ``parent=`` (``add_child``), then given a revision that is published:
    ``save_revision().publish()``, so the signals that listen to publishing run (language
    aliases, the page cache, urgent e-mails).

    - ``draft=True``: not live; the revision is saved but not published.
    - ``revision=False``: no revision and no publishing: the page as ``add_child`` saved it.
    - ``log_action=True``: the revision is logged too, as the admin logs it.
    - ``tags=[...]``: tags of the page (pages with a ``tags`` field).

    The slug, when not given, is made by Wagtail from the title (unique among siblings).
    ``build()`` makes the page without saving anything.
    """

    slug = None
    revision = True
    publish = True
    log_action = False

    class Meta:
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(live=False, publish=False)

    #: Arguments given to ``_added`` after ``add_child`` instead of to the page's constructor.
    _after_add_child = ()

    @classmethod
    def _added(cls, page, **later):
        """Runs after ``add_child`` and before the revision."""

    @classmethod
    def _page(cls, model_class, kwargs):
        for name in ("parent", "revision", "publish", "log_action"):
            kwargs.pop(name, None)
        tags = kwargs.pop("tags", ())
        page = model_class(**kwargs)
        if tags:
            page.tags.add(*tags)
        return page

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        return cls._page(model_class, kwargs)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        if parent is None:
            raise TypeError(f"{cls.__name__} needs parent=: the page it is added below")
        revision, publish, log_action = kwargs["revision"], kwargs["publish"], kwargs["log_action"]
        later = {name: kwargs.pop(name) for name in cls._after_add_child if name in kwargs}
        page = cls._page(model_class, kwargs)
        parent.add_child(instance=page)
        cls._added(page, **later)
        if revision:
            saved = page.save_revision(log_action=log_action)
            if publish:
                saved.publish()
        return page


#: The klankbordgroep's questions in the tests: (label, field type, required[, choices]).
FORM_FIELDS = [
    ("Naam", "singleline", True),
    ("E-mailadres", "email", True),
    ("Wil je nog iets kwijt?", "multiline", False),
]


def _form_fields(page):
    return [
        FormField(
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices[0] if choices else "",
        )
        for order, (label, field_type, required, *choices) in enumerate(page.fields)
    ]


class FormPageFactory(PageFactory):
    """The klankbordgroep form; ``fields=[(label, type, required[, choices]), ...]``."""

    title = "Klankbordgroep"
    slug = "klankbordgroep"
    to_address = "communicatie@westbetuwe.example"
    from_address = "noreply@westbetuwe.example"
    subject = "Nieuwe aanmelding klankbordgroep"
    thank_you_text = "<p>Bedankt voor je aanmelding!</p>"
    form_fields = factory.LazyAttribute(_form_fields)

    class Meta:
        model = FormPage

    class Params:
        fields = FORM_FIELDS


# --- people ---------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """An account with the test password (``password=None``: none that works);
    ``groups=[...]`` puts it in those groups."""

    username = factory.Sequence(lambda n: f"gebruiker-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.nl")
    password = TEST_PASSWORD

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class._default_manager.create_user(*args, **kwargs)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*extracted)


# --- documents and images -------------------------------------------------------------------


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF with some text (Helvetica, Latin-1)."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = ["BT", "/F1 18 Tf", "72 770 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text += ["0 -20 Td", f"({escape(line)}) Tj"]
    text.append("ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(output)


def _file_slug(title: str) -> str:
    return title.lower().replace(" ", "-").replace("–", "").replace("--", "-")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A PDF document: ``heading`` (default: the title) and ``lines`` are its text, in the
    root collection unless ``collection=`` is given."""

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            simple_pdf(document.heading, list(document.lines)), name=document.file_name
        )
    )

    class Params:
        heading = factory.LazyAttribute(lambda document: document.title)
        lines = ("Regel een", "Regel twee")
        file_name = factory.LazyAttribute(lambda document: f"{_file_slug(document.title)}.pdf")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


def landscape_jpeg(seed: int) -> io.BytesIO:
    """A landscape drawn with Pillow: sky, river, a dike and a church tower; ``seed`` moves
    the tower and the houses and tints the sky. Nothing is downloaded."""
    width, height = 1200, 675
    picture = PILImage.new("RGB", (width, height), (200, 225, 240))
    draw = ImageDraw.Draw(picture)
    hue = (seed * 37) % 60
    for y in range(height // 2):  # sky gradient
        shade = 170 + y * 70 // (height // 2)
        draw.line([(0, y), (width, y)], fill=(shade - hue, shade, 250))
    draw.rectangle([0, height // 2, width, height], fill=(96 + hue, 150, 70))  # meadows
    draw.polygon(  # river
        [(0, height * 3 // 4), (width, height * 2 // 3), (width, height * 3 // 4 + 40),
         (0, height * 5 // 6)],
        fill=(70, 120, 170),
    )  # fmt: skip
    tower_x = 200 + (seed * 53) % 700
    draw.rectangle([tower_x, 170, tower_x + 50, height // 2 + 10], fill=(120, 80, 60))
    draw.polygon([(tower_x - 8, 172), (tower_x + 58, 172), (tower_x + 25, 80)], fill=(60, 60, 70))
    for index in range(6):  # houses
        x = 60 + index * 180 + (seed * 17 + index * 29) % 60
        draw.rectangle([x, height // 2 - 40, x + 90, height // 2 + 20], fill=(170, 90, 70))
        draw.polygon([(x - 6, height // 2 - 40), (x + 96, height // 2 - 40),
                      (x + 45, height // 2 - 85)], fill=(90, 50, 45))  # fmt: skip

    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer


class ImageFactory(wagtail_factories.ImageFactory):
    """A 1200×675 landscape (``landscape_jpeg(seed)``), in the root collection unless
    ``collection=`` is given. ``tiny=True``: a plain 100×100 image, for tests that need an
    image but not what it shows (quicker to make and to resize)."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda image: ImageFile(landscape_jpeg(image.seed), name=f"{_file_slug(image.title)}.jpg")
    )

    class Params:
        seed = 0
        tiny = factory.Trait(file=factory.django.ImageField())
