"""A workspace's group chat: ``chat/`` (the latest messages and the form; without JavaScript
a plain POST and redirect) and ``chat/nieuw/?na=<id>`` (the messages after an id, as JSON, for
the page's script, which asks every 1.5 s while the tab is visible). Both go through
``private``, so whoever ``members.access`` lets into the workspace may read and post."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path

from members import chat
from members.forms.chat import ChatForm
from members.routes.base import handle_form, private

#: The largest id a poll may ask after (PostgreSQL's bigint).
MAX_ID = 2**63 - 1


def wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


class ChatRoutesMixin:
    @path("chat/", name="chat")
    @private
    def chat_view(self, request, workspace):
        if request.method == "POST" and wants_json(request):
            return self.chat_post_json(request, workspace)
        return handle_form(
            request,
            ChatForm,
            workspace=workspace,
            author=request.user,
            message=_("Your message has been posted."),
            success_url=request.path,
            render=lambda form: self.chat_render(request, workspace, form),
        )

    def chat_render(self, request, workspace, form):
        messages = chat.latest_messages(workspace)
        latest = messages[-1].pk if messages else 0
        chat.mark_read(request.user, workspace, latest, create=True)
        return self.workspace_render(
            request,
            workspace,
            "pages/workspace_chat.html",
            chat_messages=messages,
            latest=latest,
            form=form,
        )

    def chat_post_json(self, request, workspace):
        form = ChatForm(request.POST, workspace=workspace, author=request.user)
        if not form.is_valid():
            errors = [error for field in form.errors.values() for error in field]
            return JsonResponse({"errors": errors}, status=400)
        return JsonResponse({"message": chat.as_json(form.save())}, status=201)

    @path("chat/nieuw/", name="chat_new")
    @private
    def chat_new_view(self, request, workspace):
        after = request.GET.get("na", "0")
        if not after.isascii() or not after.isdigit() or int(after) > MAX_ID:
            return JsonResponse(
                {"errors": [_("“na” must be the number of a message.")]}, status=400
            )
        messages = chat.messages_after(workspace, int(after))
        if messages:
            chat.mark_read(request.user, workspace, messages[-1].pk)
        return JsonResponse({"messages": [chat.as_json(message) for message in messages]})
