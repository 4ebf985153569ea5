"""A workspace's polls: the list with the form for a new one, and a poll with the vote form
(results once you voted or the poll closed)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from home.pagination import paginate
from members import forms, queries
from members.routes.base import PER_PAGE, handle_form, private


class PollRoutesMixin:
    @path("peilingen/", name="polls")
    @private
    def polls_view(self, request, workspace):
        return handle_form(
            request,
            forms.PollForm,
            workspace=workspace,
            user=request.user,
            message=_("The poll has been opened."),
            success_url=lambda poll: f"{self.get_url(request)}peilingen/{poll.pk}/",
            render=lambda form: self.workspace_render(
                request,
                workspace,
                "pages/workspace_polls.html",
                polls=paginate(request, queries.polls(workspace), PER_PAGE),
                now=timezone.now(),
                form=form,
            ),
        )

    @path("peilingen/<int:poll_id>/", name="poll")
    @private
    def poll_view(self, request, workspace, poll_id):
        poll = queries.poll(workspace, poll_id)
        if poll is None:
            raise Http404(_("This poll does not exist."))
        if request.method == "POST" and not poll.is_open:
            messages.error(request, _("This poll has closed; you can no longer vote."))
            return redirect(request.path)
        return handle_form(
            request,
            forms.VoteForm,
            poll=poll,
            user=request.user,
            message=_("Your vote has been saved."),
            success_url=request.path,
            render=lambda form: self.poll_page(request, workspace, poll, form),
        )

    def poll_page(self, request, workspace, poll, form):
        options, my_vote, total = queries.poll_results(poll, request.user)
        if my_vote and not form.is_bound:
            form = forms.VoteForm(poll=poll, user=request.user, initial={"option": my_vote.pk})
        return self.workspace_render(
            request,
            workspace,
            "pages/workspace_poll.html",
            poll=poll,
            options=options,
            total_votes=total,
            my_vote=my_vote,
            show_results=bool(my_vote) or not poll.is_open,
            form=form,
        )
