"""The overview of a workspace in one SQL query.

Upcoming meetings, recent messages, open polls, recent documents, announcements and a board's
open project invitations come from six tables; one UNION ALL fetches them all, each bounded by a
time window, so the overview costs one query however much a workspace holds.
"""

import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import CharField, F, Value
from django.utils import timezone

from wagtail.documents import get_document_model

from members.models.content import Meeting, Poll, Thread

ROW_LIMIT = 500
SHOWN = {
    "meeting": 3,
    "thread": 5,
    "poll": 3,
    "document": 5,
    "announcement": 3,
    "invitation": 5,
}


@dataclass
class Item:
    kind: str
    pk: int
    title: str
    moment: datetime
    extra: str


def _rows(queryset, kind, title, moment, extra=None):
    return queryset.order_by().values_list(
        Value(kind, output_field=CharField()),
        F("pk"),
        F(title),
        F(moment),
        F(extra) if extra else Value("", output_field=CharField()),
    )


def _parts(workspace, now, announcements, invitations) -> list:
    """One bounded ``values_list`` per kind of item, to be joined with UNION ALL."""
    parts = [
        _rows(
            Meeting.objects.filter(
                workspace=workspace, starts_at__gte=now, starts_at__lt=now + timedelta(days=366)
            ),
            "meeting", "title", "starts_at",
        ),
        _rows(
            Thread.objects.filter(
                workspace=workspace, last_post_at__gte=now - timedelta(days=180)
            ),
            "thread", "title", "last_post_at",
        ),
        _rows(
            Poll.objects.filter(
                workspace=workspace, closes_at__gt=now, closes_at__lt=now + timedelta(days=366)
            ),
            "poll", "question", "closes_at",
        ),
        _rows(
            get_document_model().objects.filter(
                collection_id=workspace.collection_id, created_at__gte=now - timedelta(days=365)
            ),
            "document", "title", "created_at", "file",
        ),
    ]  # fmt: skip
    if announcements is not None:
        parts.append(
            _rows(
                announcements.filter(created_at__gte=now - timedelta(days=90)),
                "announcement",
                "title",
                "created_at",
                "body",
            )  # fmt: skip
        )
    if invitations is not None:
        # Project invitations of other boards, still to be answered.
        parts.append(
            _rows(
                invitations, "invitation", "project__title", "created_at", "invited_by_kern__title"
            )
        )
    return parts


def overview(workspace, announcements=None, invitations=None) -> dict:
    first, *rest = _parts(workspace, timezone.now(), announcements, invitations)
    rows = list(first.union(*rest, all=True)[:ROW_LIMIT])
    grouped = {kind: [] for kind in SHOWN}
    seen = set()
    for kind, pk, title, moment, extra in rows:
        if (kind, pk) in seen:
            continue
        seen.add((kind, pk))
        if kind == "document":
            extra = os.path.splitext(extra)[1].lstrip(".").upper()
        grouped[kind].append(Item(kind, pk, title, moment, extra))
    soonest_first = {"meeting", "poll"}
    return {
        f"{kind}s": sorted(items, key=lambda item: item.moment, reverse=kind not in soonest_first)[
            : SHOWN[kind]
        ]
        for kind, items in grouped.items()
    }
