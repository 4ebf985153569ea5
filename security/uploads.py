"""One check for every upload: Wagtail's images and documents in the admin, and the documents
of the member area.

A file passes only when its extension is on the allow-list of that upload path AND its content
is what the extension says: the first bytes (magic numbers), the files inside the zip-based
office formats, the image header read by Pillow (within the pixel limit, so a decompression
bomb is refused before anything is decoded), and plain text without markup. SVG and HTML are
never accepted, whatever the file is called: they can carry scripts. A refused file raises a
``ValidationError`` with a Dutch reason before anything is stored.
"""

import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image

PDF = b"%PDF-"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
ZIP = b"PK\x03\x04"
GIF = (b"GIF87a", b"GIF89a")

#: Every extension an upload path may allow, with its content type. An extension that is not
#: here is refused even when a setting names it: there is no check of its content.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "gif": "image/gif",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv",
    "txt": "text/plain",
}
OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
PILLOW_FORMAT = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "webp": "WEBP", "gif": "GIF"}
#: Markup that a browser would run as a page or a drawing with scripts.
MARKUP = (b"<svg", b"<?xml", b"<!doctype", b"<html", b"<script", b"<head", b"<body", b"<iframe")


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def _head(uploaded, size: int) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def looks_like_markup(uploaded) -> bool:
    """True for HTML, SVG and XML, whatever the file is called."""
    head = _head(uploaded, 1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(MARKUP) or b"<svg" in head or b"<script" in head


def _zip_matches(uploaded, extension: str) -> bool:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if extension in OOXML_PART:
                return "[Content_Types].xml" in names and OOXML_PART[extension] in names
            if "mimetype" not in names:
                return False
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            return mimetype == CONTENT_TYPES[extension]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return False
    finally:
        uploaded.seek(0)


def _text_matches(uploaded) -> bool:
    head = _head(uploaded, 64 * 1024)
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is fine.
        if error.start < len(head) - 3:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def max_image_pixels() -> int:
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _check_image(uploaded, extension: str) -> bool:
    """Read the image header with Pillow: the right format, and not too many pixels."""
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                if image.format != PILLOW_FORMAT[extension]:
                    return False
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_many_pixels() from None
    except (OSError, SyntaxError, ValueError):
        return False
    finally:
        uploaded.seek(0)
    if width * height * frames > max_image_pixels():
        raise too_many_pixels()
    return True


def too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "This image has too many pixels (at most %(limit)s million). Make it smaller "
            "and upload it again."
        ),
        params={"limit": max_image_pixels() // 1_000_000},
        code="too_many_pixels",
    )


def content_matches(uploaded, extension: str) -> bool:
    head = _head(uploaded, 16)
    if extension == "pdf":
        return head.startswith(PDF)
    if extension == "png":
        return head.startswith(PNG) and _check_image(uploaded, extension)
    if extension in ("jpg", "jpeg"):
        return head.startswith(JPEG) and _check_image(uploaded, extension)
    if extension == "gif":
        return head.startswith(GIF) and _check_image(uploaded, extension)
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP" and _check_image(uploaded, extension)
    if extension in ("docx", "xlsx", "odt", "ods"):
        return head.startswith(ZIP) and _zip_matches(uploaded, extension)
    if extension in ("csv", "txt"):
        return _text_matches(uploaded)
    return False


def refuse_markup(uploaded) -> None:
    """SVG, HTML and XML are refused whatever the file is called, also a real image that holds
    markup in its first kilobyte (Wagtail's image field checks the format, not this)."""
    if extension_of(uploaded.name) == "svg" or looks_like_markup(uploaded):
        raise ValidationError(
            _(
                "SVG, HTML and XML files cannot be uploaded: they can contain scripts. "
                "Save a drawing as PNG or a document as PDF."
            ),
            code="markup",
        )


def check_upload(uploaded, *, extensions, max_size: int) -> str:
    """Raise ``ValidationError`` with a Dutch reason, or return the file's content type.

    ``extensions``: the allow-list of this upload path; ``max_size``: its limit in bytes.
    """
    allowed = sorted({extension.lower() for extension in extensions} & CONTENT_TYPES.keys())
    if uploaded.size > max_size:
        raise ValidationError(
            _("This file is too large (%(size)s). The maximum is %(limit)s."),
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_size)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    refuse_markup(uploaded)
    extension = extension_of(uploaded.name)
    if extension not in allowed:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed are: %(allowed)s."),
            params={"allowed": ", ".join(allowed)},
            code="extension",
        )
    if not content_matches(uploaded, extension):
        raise ValidationError(
            _(
                "The content of this file is not a real %(extension)s file. Save it again as "
                "%(extension)s and upload it once more."
            ),
            params={"extension": extension.upper()},
            code="content",
        )
    return CONTENT_TYPES[extension]


#: What a board may upload in its workspace (the member area): documents, spreadsheets and
#: photos.
MEMBER_EXTENSIONS = ("pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg")


def validate_member_upload(uploaded) -> str:
    """A document for a workspace of the member area: raise ValidationError with a Dutch
    reason, or return the file's content type."""
    return check_upload(
        uploaded, extensions=MEMBER_EXTENSIONS, max_size=settings.MEMBERS_MAX_UPLOAD_SIZE
    )
