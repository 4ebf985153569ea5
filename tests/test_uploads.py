"""Every upload path refuses the same bad files with a Dutch reason and stores nothing: the
admin's documents and images (single, multiple and chooser upload share Wagtail's form base,
``home.forms``) and the documents of a board's workspace (``validate_member_upload``).
Documents use ``security.uploads.check_upload``; images Wagtail's image field and
``security.uploads.refuse_markup``."""

import io
import struct
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image, PngImagePlugin

from home.models import FormField
from members.models import BoardAreaPage, Workspace
from members.services import add_member
from security.uploads import check_upload

pytestmark = pytest.mark.django_db


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(side=100_000) -> bytes:
    """A tiny file that claims side × side pixels: 10 billion, gigabytes once decoded."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + (png_chunk(b"IEND", b""))
    )


def good_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "green").save(buffer, "PNG")
    return buffer.getvalue()


def good_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_with_markup() -> bytes:
    """A real PNG that Wagtail's image field accepts, with a script in a text chunk."""
    buffer = io.BytesIO()
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "<script>alert(1)</script>")
    Image.new("RGB", (20, 10), "green").save(buffer, "PNG", pnginfo=text)
    return buffer.getvalue()


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'

#: (case, file name, content, a word of the Dutch reason)
BAD = [
    ("exe renamed pdf", "factuur.pdf", EXE, "geen echt PDF-bestand"),
    ("html", "pagina.html", HTML, "kunnen scripts bevatten"),
    ("html renamed txt", "lijst.txt", HTML, "kunnen scripts bevatten"),
    ("svg with a script", "logo.svg", SVG, "kunnen scripts bevatten"),
    ("svg renamed png", "logo.png", SVG, "kunnen scripts bevatten"),
]


@pytest.fixture
def media(settings, tmp_path):
    """Uploads go to a real folder here (tests keep them in memory otherwise)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def files_in(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def admin_client(client, django_user_model, municipality):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.nl", "x" * 12)
    client.force_login(admin)
    return client


def collection_id():
    return Collection.get_first_root_node().pk


# The shared checker -------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "name", "content", "reason"), BAD)
def test_the_checker_refuses_bad_files(case, name, content, reason):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        check_upload(
            SimpleUploadedFile(name, content), extensions=["pdf", "png", "txt"], max_size=10**6
        )
    assert error.value.code in {"content", "markup", "extension"}


def test_the_checker_refuses_a_decompression_bomb_before_decoding(settings):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile("bom.png", bomb_png()), extensions=["png"], max_size=10**6)
    assert error.value.code == "too_many_pixels"
    # Just over the portal's limit, below Pillow's own error threshold: still refused.
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("b.png", bomb_png(101)), extensions=["png"], max_size=10**6)


def test_pillow_has_the_portals_pixel_limit(settings):
    assert Image.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def test_an_extension_without_a_content_check_is_refused_even_when_a_setting_allows_it():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        check_upload(
            SimpleUploadedFile("map.zip", b"PK\x03\x04" + b"\x00" * 30),
            extensions=["zip"],
            max_size=10**6,
        )


def test_the_form_builder_offers_no_file_field():
    """The klankbordgroep form (Wagtail's form builder) cannot ask for files at all."""
    kinds = {value for value, _label in FormField._meta.get_field("field_type").choices}
    assert "file" not in kinds and "image" not in kinds


# Admin: documents -----------------------------------------------------------------------------


def post_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": "Stuk", "collection": collection_id(), "file": SimpleUploadedFile(name, content)},
    )


def post_documents_multiple(client, name, content):
    return client.post(
        "/admin/documents/multiple/add/",
        {"collection": collection_id(), "files[]": SimpleUploadedFile(name, content)},
    )


def post_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": "Foto", "collection": collection_id(), "file": SimpleUploadedFile(name, content)},
    )


def post_images_multiple(client, name, content):
    return client.post(
        "/admin/images/multiple/add/",
        {"collection": collection_id(), "files[]": SimpleUploadedFile(name, content)},
    )


def refusal_text(response) -> str:
    if response["Content-Type"].startswith("application/json"):
        data = response.json()
        assert data["success"] is False
        return data["error_message"]
    assert response.status_code == 200  # Wagtail shows the form again with the reason
    return response.content.decode()


ADMIN_PATHS = {
    "document": (post_document, get_document_model),
    "documents (multiple)": (post_documents_multiple, get_document_model),
    "image": (post_image, get_image_model),
    "images (multiple)": (post_images_multiple, get_image_model),
}


def assert_nothing_stored(model, media):
    assert model.objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert files_in(media) == []


@pytest.mark.parametrize("path", ADMIN_PATHS)
@pytest.mark.parametrize(("case", "name", "content", "reason"), BAD)
def test_the_admin_refuses_bad_files_and_stores_nothing(
    admin_client, media, path, case, name, content, reason
):
    post, model = ADMIN_PATHS[path]

    text = refusal_text(post(admin_client, name, content))

    assert_nothing_stored(model(), media)
    if path.startswith("document"):
        assert reason in text
        assert "niet toegestaan" not in text  # one reason, not a second one about no name
    else:
        # Wagtail's image field refuses what is no JPEG/PNG/WebP first, in Dutch.
        assert "afbeelding" in text


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_the_admin_refuses_a_too_large_file(admin_client, media, settings, path):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 50
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50
    post, model = ADMIN_PATHS[path]
    name, content = ("foto.png", good_png()) if "image" in path else ("stuk.pdf", good_pdf())

    text = refusal_text(post(admin_client, name, content + b"\x00" * 100))

    assert "te groot" in text
    assert_nothing_stored(model(), media)


@pytest.mark.parametrize("path", ["image", "images (multiple)"])
def test_the_admin_refuses_a_decompression_bomb(admin_client, media, path):
    post, model = ADMIN_PATHS[path]

    text = refusal_text(post(admin_client, "bom.png", bomb_png()))

    assert "pixels" in text
    assert_nothing_stored(model(), media)


@pytest.mark.parametrize("path", ["image", "images (multiple)"])
def test_the_admin_refuses_an_image_with_markup_inside(admin_client, media, path):
    """Wagtail's image field checks the extension, size, format and pixels; the markup check
    is the part of ours that images still need."""
    post, model = ADMIN_PATHS[path]

    text = refusal_text(post(admin_client, "foto.png", png_with_markup()))

    assert "kunnen scripts bevatten" in text
    assert_nothing_stored(model(), media)


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_the_admin_accepts_a_good_file(admin_client, media, path):
    post, model = ADMIN_PATHS[path]
    name, content = ("foto.png", good_png()) if "image" in path else ("stuk.pdf", good_pdf())

    response = post(admin_client, name, content)

    assert response.status_code in (200, 302)
    assert model().objects.count() == 1
    assert len(files_in(media)) == 1


def test_replacing_a_documents_file_is_checked_too(admin_client, media):
    post_document(admin_client, "stuk.pdf", good_pdf())
    document = get_document_model().objects.get()

    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Stuk", "collection": collection_id(), "file": SimpleUploadedFile("x.pdf", EXE)},
    )

    assert "geen echt PDF-bestand" in response.content.decode()
    document.refresh_from_db()
    assert document.file.read().startswith(b"%PDF-")


# Member area: a board's documents --------------------------------------------------------------


@pytest.fixture
def board_client(client, beesd, make_user):
    workspace = Workspace.objects.get(page=BoardAreaPage.objects.child_of(beesd).get())
    member = make_user("lid-beesd", email="lid@beesd.example")
    add_member(workspace, member)
    client.force_login(member)
    client.workspace = workspace
    return client


def post_board_document(client, name, content):
    return client.post(
        "/beesd/bestuur/documenten/", {"title": "Stuk", "file": SimpleUploadedFile(name, content)}
    )


def board_documents(client):
    return get_document_model().objects.filter(collection=client.workspace.collection)


@pytest.mark.parametrize(("case", "name", "content", "reason"), BAD)
def test_the_member_area_refuses_bad_files(board_client, media, case, name, content, reason):
    response = post_board_document(board_client, name, content)

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not board_documents(board_client).exists()
    assert files_in(media) == []


def test_the_member_area_refuses_a_too_large_file_and_a_bomb(board_client, media, settings):
    settings.MEMBERS_MAX_UPLOAD_SIZE = 500
    large = post_board_document(board_client, "groot.pdf", good_pdf() + b"%" * 1000)
    settings.MEMBERS_MAX_UPLOAD_SIZE = 10**6
    bomb = post_board_document(board_client, "bom.png", bomb_png())

    assert large.status_code == bomb.status_code == 400
    assert "te groot" in large.content.decode()
    assert "pixels" in bomb.content.decode()
    assert not board_documents(board_client).exists()
    assert files_in(media) == []


def test_the_member_area_accepts_a_good_png(board_client, media):
    response = post_board_document(board_client, "foto.png", good_png())

    assert response.status_code == 302
    assert board_documents(board_client).count() == 1
