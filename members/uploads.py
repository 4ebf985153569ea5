"""Which files members may upload: checked on the content (magic bytes), not on the name alone.

A file passes only when its extension is allowed AND its first bytes (and, for the zip-based
office formats, the files inside) match that extension. So an ``.exe`` renamed to ``.pdf`` and
an ``.html`` page are refused.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = b"%PDF-"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
ZIP = b"PK\x03\x04"

#: extension → (content type, check of the content)
ALLOWED = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def allowed_extensions_text() -> str:
    return ", ".join(sorted({"pdf", "docx", "xlsx", "odt", "ods", "png", "jpg"}))


def _zip_matches(uploaded, extension: str) -> bool:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if extension in OOXML_PART:
                return "[Content_Types].xml" in names and OOXML_PART[extension] in names
            if "mimetype" not in names:
                return False
            return archive.read("mimetype").decode("ascii", "replace").strip() == ALLOWED[extension]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False
    finally:
        uploaded.seek(0)


def content_matches(uploaded, extension: str) -> bool:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if extension == "pdf":
        return head.startswith(PDF)
    if extension == "png":
        return head.startswith(PNG)
    if extension in ("jpg", "jpeg"):
        return head.startswith(JPEG)
    if extension in ("docx", "xlsx", "odt", "ods"):
        return head.startswith(ZIP) and _zip_matches(uploaded, extension)
    return False


def validate_upload(uploaded) -> str:
    """Raise ValidationError with a Dutch reason, or return the file's content type."""
    limit = settings.MEMBERS_MAX_UPLOAD_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            _("This file is too large (%(size)s). The maximum is %(limit)s."),
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    name = uploaded.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed are: %(allowed)s."),
            params={"allowed": allowed_extensions_text()},
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
    return ALLOWED[extension]
