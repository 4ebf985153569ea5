"""The routes only a kern's board area has: the board's projects, starting a project with
other kernen, and answering another board's invitation (``members.projects``).

Not part of ``WorkspaceRoutesMixin``: these start ``ProjectPage``s, so they come after the
page models (``members.models.board`` mixes them in)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from members import forms, projects, queries, tasks
from members.access import is_board_member
from members.routes.base import handle_form, private


class BoardProjectRoutesMixin:
    def board_kern(self):
        if not hasattr(self, "_kern"):
            self._kern = self.get_parent().specific
        return self._kern

    def require_board_member(self, request, workspace):
        if not is_board_member(request.user, workspace):
            raise PermissionDenied

    @path("projecten/", name="projects")
    @private
    def projects_view(self, request, workspace):
        kern = self.get_parent()
        received, sent = queries.project_invitations_of(kern)
        return self.workspace_render(
            request,
            workspace,
            "pages/board_projects.html",
            kern=kern,
            received=received,
            sent=sent,
            projects=projects.projects_of(kern),
            is_board_member=is_board_member(request.user, workspace),
        )

    @path("projecten/nieuw/", name="start_project")
    @private
    def start_project_view(self, request, workspace):
        self.require_board_member(request, workspace)
        kern = self.board_kern()
        if projects.project_index_of(kern) is None:
            raise Http404(_("This municipality has no project overview."))
        return handle_form(
            request,
            forms.StartProjectForm,
            kern=kern,
            save=lambda form: self.start_project(request, workspace, kern, form.cleaned_data),
            message=_("The project has been started. The boards you invited get an e-mail."),
            success_url=lambda project: project.get_url(request) + project.overview_subpath,
            render=lambda form: self.workspace_render(
                request, workspace, "pages/board_start_project.html", form=form, kern=kern
            ),
        )

    def start_project(self, request, workspace, kern, data):
        project, kern_invitations, invitations = projects.start_project(
            kern=kern, board=workspace, user=request.user, **data
        )
        projects.send_invitations(kern_invitations, invitations, request.build_absolute_uri("/"))
        return project

    @path("projecten/uitnodigingen/<int:invitation_id>/", name="answer_invitation")
    @private
    def answer_invitation_view(self, request, workspace, invitation_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        self.require_board_member(request, workspace)
        action = request.POST.get("action")
        if action not in ("accept", "decline"):
            return HttpResponseBadRequest(
                _("Choose whether your board takes part or not."),
                content_type="text/plain; charset=utf-8",
            )
        invitation = projects.answer_kern_invitation(
            invitation_id, self.board_kern(), workspace, request.user, accept=action == "accept"
        )
        if invitation is None:
            messages.error(request, _("This invitation has been answered already."))
            return redirect(f"{self.get_url(request)}projecten/")
        tasks.enqueue_on_commit(
            tasks.send_invitation_answer, invitation.pk, request.build_absolute_uri("/")
        )
        if action == "accept":
            messages.success(
                request,
                _("Your kern now takes part in %(project)s. The board members are project members.")
                % {"project": invitation.project.title},
            )
            project = invitation.project
            return redirect(project.get_url(request) + project.overview_subpath)
        messages.success(request, _("You declined the invitation."))
        return redirect(f"{self.get_url(request)}projecten/")
