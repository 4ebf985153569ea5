"""A workspace's documents: the list with search and upload, and the download."""

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from home.pagination import paginate
from members import forms, queries
from members.routes.base import PER_PAGE, handle_form, private


class DocumentRoutesMixin:
    @path("documenten/", name="documents")
    @private
    def documents_view(self, request, workspace):
        return handle_form(
            request,
            forms.DocumentUploadForm,
            workspace=workspace,
            user=request.user,
            message=_("The document has been saved."),
            success_url=request.path,
            render=lambda form: self.documents_page(request, workspace, form),
        )

    def documents_page(self, request, workspace, upload_form):
        search_form = forms.DocumentSearchForm(request.GET or None)
        query = search_form.cleaned_data["q"] if search_form.is_valid() else ""
        return self.workspace_render(
            request,
            workspace,
            "pages/workspace_documents.html",
            documents=paginate(request, queries.documents(workspace, query), PER_PAGE),
            search_form=search_form,
            upload_form=upload_form,
            query=query,
            extra_query=urlencode({"q": query}) if query else "",
            upload_limit=settings.MEMBERS_MAX_UPLOAD_SIZE,
        )

    @path("documenten/<int:document_id>/", name="document")
    @private
    def document_download(self, request, workspace, document_id):
        document = queries.document(workspace, document_id)
        if document is None:
            raise Http404(_("This document does not exist."))
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404(_("This document does not exist.")) from error
        return FileResponse(handle, as_attachment=True, filename=document.filename)
