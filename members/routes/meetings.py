"""A workspace's meetings: the list with the planning form, the calendar file, and a meeting's
page with its three forms (answer, minutes, decisions) and the decision → action point button.

A meeting's page takes every form's POST at its own address; the submit button's ``action``
says which form it is (``MEETING_FORMS``, and ``action_point`` for the button).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.contrib.routable_page.models import path

from members import decisions, forms, queries
from members.access import is_board_member
from members.calendar import calendar_response
from members.constants import Answer
from members.routes.base import handle_form, private

#: The forms of a meeting's page by their ``action``: the context name, the form, the message.
MEETING_FORMS = {
    "answer": ("answer_form", forms.AnswerForm, gettext_lazy("Your answer has been saved.")),
    "minutes": ("minutes_form", forms.MinutesForm, gettext_lazy("The minutes have been saved.")),
    "decision": (
        "decision_form",
        forms.DecisionForm,
        gettext_lazy("The decision has been recorded."),
    ),
}
#: What only board members may post, and only where meetings record decisions.
DECIDING_ACTIONS = ("decision", "action_point")


class MeetingRoutesMixin:
    #: Whether meetings here record decisions that can become kernagenda action points.
    records_decisions = False
    #: Whether only the workspace's own members write the minutes. A board's minutes are the
    #: board's: the kern's gebiedsmakelaar reads them, and can post a message, but does not
    #: change them. In a project and the dorpenoverleg everyone who enters may write them.
    minutes_by_members_only = False

    @path("vergaderingen/", name="meetings")
    @private
    def meetings_view(self, request, workspace):
        return handle_form(
            request,
            forms.MeetingForm,
            workspace=workspace,
            user=request.user,
            message=_("The meeting has been planned."),
            success_url=lambda meeting: f"{self.get_url(request)}vergaderingen/{meeting.pk}/",
            render=lambda form: self.meetings_page(request, workspace, form),
        )

    def meetings_page(self, request, workspace, form):
        upcoming, past = queries.meetings(workspace, timezone.now())
        return self.workspace_render(
            request,
            workspace,
            "pages/workspace_meetings.html",
            upcoming=upcoming,
            past=past,
            form=form,
        )

    @path("kalender/", name="calendar")
    @private
    def calendar_view(self, request, workspace):
        return calendar_response(workspace)

    @path("vergaderingen/<int:meeting_id>/", name="meeting")
    @private
    def meeting_view(self, request, workspace, meeting_id):
        meeting = queries.meeting(workspace, meeting_id, request.user)
        if meeting is None:
            raise Http404(_("This meeting does not exist."))
        if request.method != "POST":
            return self.meeting_page(request, workspace, meeting)
        action = request.POST.get("action")
        if action in DECIDING_ACTIONS and not self.may_decide(request, workspace):
            raise PermissionDenied
        if action == "minutes" and not self.may_write_minutes(request, workspace):
            raise PermissionDenied
        if action == "action_point":
            return self.decision_to_action_point(request, workspace, meeting)
        # A post without a known action is an answer, as it always was.
        name, form_class, message = MEETING_FORMS.get(action, MEETING_FORMS["answer"])
        return handle_form(
            request,
            form_class,
            meeting=meeting,
            user=request.user,
            message=message,
            success_url=request.path,
            render=lambda form: self.meeting_page(request, workspace, meeting, **{name: form}),
        )

    def meeting_page(
        self, request, workspace, meeting, answer_form=None, minutes_form=None, decision_form=None
    ):
        """The meeting with its documents and decisions; the forms not given are new."""
        documents, decision_list = queries.meeting_papers(
            meeting, with_decisions=self.records_decisions
        )
        mine = {"meeting": meeting, "user": request.user}
        if answer_form is None:
            initial = {"answer": meeting.my_answer} if meeting.my_answer else None
            answer_form = forms.AnswerForm(initial=initial, **mine)
        if not self.may_write_minutes(request, workspace):
            minutes_form = None
        elif minutes_form is None:
            minutes_form = forms.MinutesForm(**mine)
        if decision_form is None:
            decision_form = forms.DecisionForm(**mine)
        context = {
            "meeting": meeting,
            "documents": documents,
            "answer_counts": [
                (label, getattr(meeting, f"{value}_count")) for value, label in Answer.choices
            ],
            "my_answer": Answer(meeting.my_answer).label if meeting.my_answer else None,
            "answer_form": answer_form,
            "minutes_form": minutes_form,
        }
        if self.records_decisions:
            context.update(
                decisions=decision_list,
                decision_form=decision_form,
                may_decide=self.may_decide(request, workspace),
                makes_action_points=decisions.can_make_action_points(),
            )
        return self.workspace_render(request, workspace, "pages/workspace_meeting.html", **context)

    def may_write_minutes(self, request, workspace) -> bool:
        return not self.minutes_by_members_only or is_board_member(request.user, workspace)

    # Decisions (board areas: ``records_decisions``) --------------------------------------

    def may_decide(self, request, workspace) -> bool:
        """Board members record decisions; the kern's gebiedsmakelaar only reads them."""
        return self.records_decisions and is_board_member(request.user, workspace)

    def decision_to_action_point(self, request, workspace, meeting):
        decision = queries.decision(meeting, request.POST.get("decision"))
        if decision is None:
            raise Http404(_("This decision does not exist."))
        kern = self.get_parent().specific
        # The site's own address (not the request's host): the link is stored and public.
        _site_id, root_url, _path = self.get_url_parts(request)
        try:
            point = decisions.convert_decision(decision, kern, request.user, root_url)
        except LookupError:
            messages.error(
                request, _("This kern has no kernagenda, so no action point can be made.")
            )
            return redirect(request.path)
        if point is None:
            messages.error(request, _("This decision is an action point already."))
        else:
            messages.success(
                request,
                _(
                    "The action point has been made as a draft. The kernagenda's editors "
                    "complete and publish it."
                ),
            )
        return redirect(f"{request.path}#besluit-{decision.pk}")
