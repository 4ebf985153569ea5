"""The group chat of a workspace: what the routes read and write, cheaply.

A poll asks for the messages after the id it has. The highest id of each workspace's chat is
kept in the cache (``latest_key``): the poster sets it after the commit, a poll that finds no
key reads it once from the database and only *adds* it (so it can never overwrite a newer
value a poster set in the meantime). An idle poll therefore costs no SQL after the access check.
Every chat view goes through ``members.routes.base.private``, i.e. ``members.access``.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from members.models.chat import ChatMessage, ChatReadMarker

#: Messages shown on the chat page, and the most a poll returns at once.
SHOWN = 50
#: How long the cache keeps a workspace's latest id (a poster refreshes it).
LATEST_TIMEOUT = 24 * 60 * 60


def latest_key(workspace_id: int) -> str:
    return f"members:chat:latest:{workspace_id}"


def latest_id(workspace) -> int:
    """The highest message id of ``workspace``'s chat: from the cache, else one query."""
    key = latest_key(workspace.pk)
    latest = cache.get(key)
    if latest is None:
        latest = (
            ChatMessage.objects.filter(workspace=workspace).aggregate(latest=Max("pk"))["latest"]
            or 0
        )
        cache.add(key, latest, LATEST_TIMEOUT)
    return latest


def latest_messages(workspace) -> list[ChatMessage]:
    """The last ``SHOWN`` messages, oldest first, with their authors (one query)."""
    newest = (
        ChatMessage.objects.filter(workspace=workspace)
        .select_related("author")
        .order_by("-pk")[:SHOWN]
    )
    return list(reversed(newest))


def messages_after(workspace, after: int) -> list[ChatMessage]:
    """Up to ``SHOWN`` messages after id ``after``, oldest first. No SQL when the cache knows
    that there is nothing newer; else one indexed query."""
    if latest_id(workspace) <= after:
        return []
    return list(
        ChatMessage.objects.filter(workspace=workspace, pk__gt=after)
        .select_related("author")
        .order_by("pk")[:SHOWN]
    )


def post_message(workspace, author, text: str) -> ChatMessage:
    """Store a message and move the author's read marker past it; the cache learns the new
    latest id after the commit."""
    with transaction.atomic():
        message = ChatMessage.objects.create(workspace=workspace, author=author, text=text)
        ChatReadMarker.objects.update_or_create(
            user=author, workspace=workspace, defaults={"last_read_id": message.pk}
        )
        transaction.on_commit(
            lambda: cache.set(latest_key(workspace.pk), message.pk, LATEST_TIMEOUT)
        )
    return message


def mark_read(user, workspace, up_to: int, *, create: bool = False) -> None:
    """Move ``user``'s read marker up to message ``up_to`` (never back). One UPDATE; with
    ``create`` (the chat page) the marker is made when missing."""
    if create:
        marker, _created = ChatReadMarker.objects.get_or_create(user=user, workspace=workspace)
        if marker.last_read_id < up_to:
            marker.last_read_id = up_to
            marker.save(update_fields=["last_read_id"])
        return
    ChatReadMarker.objects.filter(user=user, workspace=workspace, last_read_id__lt=up_to).update(
        last_read_id=up_to
    )


def with_unread_counts(workspaces, user):
    """``workspaces`` annotated with ``chat_unread``: the messages of others after ``user``'s
    read marker (all of them without one). One subquery, so still one query."""
    marker = ChatReadMarker.objects.filter(user=user, workspace=OuterRef("workspace_id")).values(
        "last_read_id"
    )[:1]
    unread = (
        ChatMessage.objects.filter(workspace=OuterRef("pk"))
        .filter(pk__gt=Coalesce(Subquery(marker), Value(0)))
        .exclude(author=user)
        .order_by()
        .values("workspace")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return workspaces.annotate(
        chat_unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0))
    )


def as_json(message: ChatMessage) -> dict:
    """A message as the poll returns it; the script shows it as text (never as HTML)."""
    author = message.author
    moment = localtime(message.created_at)
    return {
        "id": message.pk,
        "author": (author.get_full_name() or author.get_username())
        if author
        else _("Former member"),
        "text": message.text,
        "created_at": moment.isoformat(),
        "time": date_format(moment, "j F, H:i"),
    }
