"""How the portal's forms render (``FormRenderer``, named in FORM_RENDERER), and Wagtail's
image and document forms (admin, choosers, multiple upload) with the portal's
upload check (``security.uploads``): all of it for documents; for images only what Wagtail's own
image field does not check (markup inside an image). Named in WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.forms.renderers import TemplatesSetting

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from security.uploads import check_upload, refuse_markup


class FormRenderer(TemplatesSetting):
    """Forms and their fields render with the project's templates: a field, with its label,
    help text and error, through ``templates/django/forms/field.html`` (``{{ field }}`` in a
    template is the input alone; ``{{ field.as_field_group }}`` is all of it). The input
    carries Django's ``aria-invalid`` and ``aria-describedby`` (help text and error by id)."""

    field_template_name = "django/forms/field.html"


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
        # Wagtail's image field has checked the rest before this runs: the extension
        # (WAGTAILIMAGES_EXTENSIONS), the size (WAGTAILIMAGES_MAX_UPLOAD_SIZE), that the content
        # is an image of that format, and the pixels (WAGTAILIMAGES_MAX_IMAGE_PIXELS).
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            refuse_markup(uploaded)
        return uploaded
