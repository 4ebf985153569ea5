"""The routes only a kern's board area has: the board's projects, starting a project with
other kernen, and answering another board's invitation (``members.projects``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from members import forms, tasks
from members.access import is_board_member
from members.routes import on_commit, private


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
        from members.models import ProjectKernInvitation, ProjectPage

        kern = self.get_parent()
        invitations = list(
            ProjectKernInvitation.objects.filter(
                Q(kern_id=kern.pk) | Q(invited_by_kern_id=kern.pk)
            ).select_related("project", "kern", "invited_by_kern")
        )
        return self.workspace_render(
            request,
            workspace,
            "pages/board_projects.html",
            kern=kern,
            received=[invitation for invitation in invitations if invitation.kern_id == kern.pk],
            sent=[invitation for invitation in invitations if invitation.kern_id != kern.pk],
            projects=list(ProjectPage.objects.filter(kernen=kern.pk).live().order_by("title")),
            is_board_member=is_board_member(request.user, workspace),
        )

    @path("projecten/nieuw/", name="start_project")
    @private
    def start_project_view(self, request, workspace):
        from members import projects

        self.require_board_member(request, workspace)
        kern = self.board_kern()
        if projects.project_index_of(kern) is None:
            raise Http404(_("This municipality has no project overview."))
        form = forms.StartProjectForm(kern=kern)
        if request.method == "POST":
            form = forms.StartProjectForm(request.POST, kern=kern)
            if form.is_valid():
                data = form.cleaned_data
                project, kern_invitations, invitations = projects.start_project(
                    kern=kern,
                    board=workspace,
                    user=request.user,
                    title=data["title"],
                    summary=data["summary"],
                    kernen=data["kernen"],
                    emails=data["emails"],
                )
                base_url = request.build_absolute_uri("/")
                for invitation in kern_invitations:
                    on_commit(tasks.send_project_invitation, invitation.pk, base_url)
                for invitation in invitations:
                    on_commit(tasks.send_invitation, invitation.pk, base_url)
                messages.success(
                    request,
                    _("The project has been started. The boards you invited get an e-mail."),
                )
                return redirect(project.get_url(request) + project.overview_subpath)
        response = self.workspace_render(
            request, workspace, "pages/board_start_project.html", form=form, kern=kern
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("projecten/uitnodigingen/<int:invitation_id>/", name="answer_invitation")
    @private
    def answer_invitation_view(self, request, workspace, invitation_id):
        from members.projects import answer_kern_invitation

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        self.require_board_member(request, workspace)
        action = request.POST.get("action")
        if action not in ("accept", "decline"):
            return HttpResponseBadRequest(
                _("Choose whether your board takes part or not."),
                content_type="text/plain; charset=utf-8",
            )
        invitation = answer_kern_invitation(
            invitation_id, self.board_kern(), workspace, request.user, accept=action == "accept"
        )
        if invitation is None:
            messages.error(request, _("This invitation has been answered already."))
            return redirect(f"{self.get_url(request)}projecten/")
        on_commit(tasks.send_invitation_answer, invitation.pk, request.build_absolute_uri("/"))
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
