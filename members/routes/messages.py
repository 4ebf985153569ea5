"""A workspace's messages: the threads with the form for a new one, and a thread with the
reply form. The other members get an e-mail about each message (``tasks.notify_new_post``)."""

from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from home.pagination import paginate
from members import forms, queries
from members.routes.base import PER_PAGE, handle_form, private


class MessageRoutesMixin:
    @path("berichten/", name="threads")
    @private
    def threads_view(self, request, workspace):
        return handle_form(
            request,
            forms.ThreadForm,
            workspace=workspace,
            author=request.user,
            mail_urls=self.mail_urls(request),
            message=_("Your message has been posted."),
            success_url=lambda thread: f"{self.get_url(request)}berichten/{thread.pk}/",
            render=lambda form: self.workspace_render(
                request,
                workspace,
                "pages/workspace_threads.html",
                threads=paginate(request, queries.threads(workspace), PER_PAGE),
                form=form,
            ),
        )

    @path("berichten/<int:thread_id>/", name="thread")
    @private
    def thread_view(self, request, workspace, thread_id):
        thread = queries.thread(workspace, thread_id)
        if thread is None:
            raise Http404(_("This conversation does not exist."))
        return handle_form(
            request,
            forms.PostForm,
            thread=thread,
            author=request.user,
            mail_urls=self.mail_urls(request),
            message=_("Your reply has been posted."),
            success_url=request.path,
            render=lambda form: self.workspace_render(
                request,
                workspace,
                "pages/workspace_thread.html",
                thread=thread,
                posts=queries.posts(thread),
                form=form,
            ),
        )
