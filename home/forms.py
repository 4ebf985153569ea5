"""Wagtail's image and document forms (admin, choosers, multiple upload) with the portal's
upload check (``security.uploads``). Named in WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from security.uploads import check_upload


def _checked(form, extensions, max_size):
    uploaded = form.cleaned_data.get("file")
    # Only a new upload is checked; an unchanged file on the edit form is already stored.
    if isinstance(uploaded, UploadedFile):
        check_upload(uploaded, extensions=extensions, max_size=max_size)
    return uploaded


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        return _checked(self, settings.WAGTAILDOCS_EXTENSIONS, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)

    def _post_clean(self):
        # A refused file has a reason already; the model's own extension check would add a
        # second one about a nameless file.
        if not self.has_error("file"):
            super()._post_clean()


class ImageForm(BaseImageForm):
    def clean_file(self):
        return _checked(
            self, settings.WAGTAILIMAGES_EXTENSIONS, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        )
