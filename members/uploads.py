"""Which files members may upload in a workspace. The check itself is the one every upload
path shares (``home.uploads``): on the content, not on the name alone."""

from django.conf import settings

from home.uploads import check_upload

#: What a board may upload: documents, spreadsheets and photos.
EXTENSIONS = ("pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg")


def validate_upload(uploaded) -> str:
    """Raise ValidationError with a Dutch reason, or return the file's content type."""
    return check_upload(uploaded, extensions=EXTENSIONS, max_size=settings.MEMBERS_MAX_UPLOAD_SIZE)
