"""Board content of every kern's workspace: meetings, threads with posts, polls with options
and document rows (all pointing at one small PDF in storage). Built unsaved by the members
factories (``build()``), written in bulk."""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from wagtail.documents import get_document_model

from home.factories import simple_pdf
from members.factories import (
    DocumentFactory,
    MeetingFactory,
    PollFactory,
    PollOptionFactory,
    PostFactory,
    ThreadFactory,
)
from members.models import Meeting, Poll, PollOption, Post, Thread, Workspace

from .bulk import BATCH
from .words import Words


@dataclass
class Board:
    """The unsaved rows of every workspace, in the order they are written."""

    meetings: list = field(default_factory=list)
    threads: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    polls: list = field(default_factory=list)
    options: list = field(default_factory=list)
    documents: list = field(default_factory=list)


def generate_board(site, pages_per_kern: int, rng, words: Words, noon, run) -> dict:
    """Board content of the site's workspaces, ``pages_per_kern // 50`` (at least one) of
    each kind per workspace; nothing when an earlier run with this seed made it."""
    per_kern = max(pages_per_kern // 50, 1)
    Document = get_document_model()
    if Document.objects.filter(file__startswith=f"documents/bench-{run}").exists():
        return {}  # made by an earlier run with this seed
    pdf = simple_pdf("Benchmark", ["Een gegenereerd document."])
    file_name = default_storage.save(f"documents/bench-{run}.pdf", ContentFile(pdf))
    board = Board()
    workspaces = Workspace.objects.filter(page__path__startswith=site.home.path)
    for workspace in workspaces.select_related("collection").order_by("pk"):
        for number in range(per_kern):
            build_workspace_rows(board, workspace, number, rng, words, noon)
            board.documents.append(DocumentFactory.build(
                title=f"Stuk {words.title(3)}", file=file_name, file_size=len(pdf),
                collection=workspace.collection,
            ))  # fmt: skip
    write_board(board, rng, words)
    return {"members.Meeting": len(board.meetings), "members.Thread": len(board.threads),
            "members.Post": len(board.posts), "members.Poll": len(board.polls),
            "wagtaildocs.Document": len(board.documents)}  # fmt: skip


def build_workspace_rows(board: Board, workspace, number: int, rng, words: Words, noon) -> None:
    """The ``number``-th meeting, thread and poll of ``workspace``."""
    days = rng.randint(-60, 3 * 365)
    board.meetings.append(MeetingFactory.build(
        workspace=workspace, title=f"Vergadering {number + 1}",
        starts_at=noon - datetime.timedelta(days=days),
        location="Dorpshuis", agenda="\n".join(words.title(3) for _ in range(4)),
        minutes=words.paragraph() if days > 0 else "",
    ))  # fmt: skip
    moment = noon - datetime.timedelta(days=rng.randint(0, 3 * 365))
    board.threads.append(ThreadFactory.build(workspace=workspace, title=words.title(),
                                             created_at=moment, last_post_at=moment))  # fmt: skip
    board.polls.append(PollFactory.build(
        workspace=workspace, question=words.title() + "?",
        closes_at=noon + datetime.timedelta(days=rng.randint(-300, 30)),
        created_at=moment,
    ))  # fmt: skip


@transaction.atomic
def write_board(board: Board, rng, words: Words) -> None:
    """Writes the rows, the posts of each thread and the options of each poll made here."""
    Document = get_document_model()
    Meeting.objects.bulk_create(board.meetings, batch_size=BATCH)
    Thread.objects.bulk_create(board.threads, batch_size=BATCH)
    for thread in board.threads:
        for _ in range(rng.randint(1, 4)):
            board.posts.append(PostFactory.build(thread=thread, body=words.paragraph(2),
                                                 created_at=thread.created_at))  # fmt: skip
    Post.objects.bulk_create(board.posts, batch_size=BATCH)
    Poll.objects.bulk_create(board.polls, batch_size=BATCH)
    for poll in board.polls:
        board.options += [PollOptionFactory.build(poll=poll, label=label, sort_order=order)
                          for order, label in enumerate(("Ja", "Nee", "Weet niet"))]  # fmt: skip
    PollOption.objects.bulk_create(board.options, batch_size=BATCH)
    Document.objects.bulk_create(board.documents, batch_size=BATCH)
