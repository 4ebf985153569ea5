"""A workspace's invited organisations (``organisaties/``): everyone who may enter sees which
organisations read along; the board (the workspace's own members) invites one with a role
and ends its access at any moment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from members import forms, organisations, services
from members.access import is_board_member
from members.routes.base import handle_form, private


class OrganisationRoutesMixin:
    @path("organisaties/", name="organisations")
    @private
    def organisations_view(self, request, workspace):
        board = is_board_member(request.user, workspace)
        if request.method == "POST":
            if not board:
                raise PermissionDenied
            if request.POST.get("action") == "end":
                return self.end_organisation_access(request, workspace)
        return handle_form(
            request,
            forms.InviteOrganisationForm,
            workspace=workspace,
            user=request.user,
            message=_("The organisation has been invited."),
            success_url=request.path,
            render=lambda form: self.workspace_render(
                request,
                workspace,
                "pages/workspace_organisations.html",
                accesses=organisations.invited(workspace),
                is_board=board,
                form=form,
            ),
        )

    def end_organisation_access(self, request, workspace):
        access = services.end_organisation_access(workspace, request.POST.get("access"))
        if access is None:
            raise Http404(_("This organisation has not been invited."))
        messages.success(
            request,
            _("%(name)s no longer has access.") % {"name": access.organisation.name},
        )
        return redirect(request.path)
