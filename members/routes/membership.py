"""A workspace's members (``leden/``): everyone sees who is in; a chair removes members,
invites people by e-mail and, in a project, adds members of the taking-part boards."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.contrib.routable_page.models import path

from members import forms, queries, services
from members.constants import Role
from members.routes.base import handle_form, private

#: The forms a chair posts on ``leden/`` by their ``action``: the context name, the message.
MEMBER_FORMS = {
    "add": ("add_form", gettext_lazy("The member has been added.")),
    "invite": ("invite_form", gettext_lazy("The invitation has been sent.")),
}


class MembershipRoutesMixin:
    def member_candidates(self, workspace):
        """People who may be added without an invitation (a project: the boards' members)."""
        return None

    @path("leden/", name="members")
    @private
    def members_view(self, request, workspace):
        memberships = queries.memberships(workspace)
        chair = request.user.is_superuser or any(
            m.user_id == request.user.pk and m.role == Role.CHAIR for m in memberships
        )
        page_forms = self.member_forms(request, workspace)
        render = partial(self.members_page, request, workspace, memberships, chair, page_forms)
        if request.method != "POST":
            return render()
        if not chair:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "remove":
            return self.remove_member(request, workspace)
        name, message = MEMBER_FORMS.get(action, (None, None))
        if name not in page_forms:
            return render()
        form_class, form_kwargs = page_forms[name]
        return handle_form(
            request,
            form_class,
            **form_kwargs,
            message=message,
            success_url=request.path,
            render=lambda form: render(**{name: form}),
        )

    def member_forms(self, request, workspace) -> dict:
        """The page's forms by context name, each with what it gets (an add form only where
        there are candidates)."""
        page_forms = {
            "invite_form": (
                forms.InviteForm,
                {
                    "workspace": workspace,
                    "user": request.user,
                    "site_url": request.build_absolute_uri("/"),
                },
            )
        }
        candidates = self.member_candidates(workspace)
        if candidates is not None:
            page_forms["add_form"] = (
                forms.AddMemberForm,
                {"workspace": workspace, "candidates": candidates},
            )
        return page_forms

    def members_page(self, request, workspace, memberships, chair, page_forms, **bound_forms):
        shown = {"add_form": None}
        for name, (form_class, form_kwargs) in page_forms.items():
            shown[name] = bound_forms[name] if name in bound_forms else form_class(**form_kwargs)
        return self.workspace_render(
            request,
            workspace,
            "pages/workspace_members.html",
            memberships=memberships,
            invitations=list(queries.open_invitations(workspace)) if chair else [],
            is_chair=chair,
            **shown,
        )

    def remove_member(self, request, workspace):
        membership = services.remove_member(workspace, request.POST.get("membership"))
        if membership is None:
            raise Http404(_("This member does not exist."))
        name = membership.user.get_full_name() or membership.user.username
        messages.success(request, _("%(name)s is no longer a member.") % {"name": name})
        return redirect(request.path)
