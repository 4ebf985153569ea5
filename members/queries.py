"""What the member area reads: the querysets and lists its routes and pages show.

The routes only filter, paginate and render what these return; every function here is one
query (or a queryset still to be evaluated), whatever a workspace holds. Reads of project
pages are in ``members.projects``: the pages import the routes, so this module stays below
them.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from members.constants import Answer, WorkspaceKind
from members.models.content import Announcement, MeetingDecision, MeetingResponse, Vote
from members.models.projects import InvitationStatus, ProjectKernInvitation
from members.models.workspace import Workspace

#: How many past meetings the meetings page lists.
PAST_MEETINGS = 20

# Documents -----------------------------------------------------------------------------------


def documents(workspace, query: str = ""):
    """The workspace's documents, newest first; with ``query``, those whose title has it, by
    title."""
    found = get_document_model().objects.filter(collection_id=workspace.collection_id)
    if query:
        return found.filter(title__icontains=query).order_by("title")
    return found.order_by("-created_at")


def document(workspace, document_id: int):
    return (
        get_document_model()
        .objects.filter(pk=document_id, collection_id=workspace.collection_id)
        .first()
    )


# Meetings ------------------------------------------------------------------------------------


def meetings(workspace, now) -> tuple[list, list]:
    """Upcoming meetings (soonest first) and the latest past ones of the last year, in one
    query."""
    found = list(workspace.meetings.filter(starts_at__gte=now - timedelta(days=365)))
    upcoming = [meeting for meeting in found if meeting.starts_at >= now]
    past = [meeting for meeting in reversed(found) if meeting.starts_at < now]
    return upcoming, past[:PAST_MEETINGS]


def meeting(workspace, meeting_id: int, user):
    """A meeting of the workspace with its answer counts (``yes_count``, ...) and ``user``'s
    own answer (``my_answer``), or None."""
    return (
        workspace.meetings.filter(pk=meeting_id)
        .annotate(
            **{
                f"{answer}_count": Count("responses", filter=Q(responses__answer=answer))
                for answer in Answer.values
            },  # fmt: skip
            my_answer=Subquery(
                MeetingResponse.objects.filter(meeting=OuterRef("pk"), user=user).values("answer")[
                    :1
                ]
            ),
        )
        .first()
    )


def meeting_papers(meeting, *, with_decisions: bool) -> tuple[list, list]:
    """A meeting's documents and (in a board area) its decisions with their action points,
    in one UNION ALL query."""
    Document = get_document_model()
    none = {
        "int": Value(None, output_field=IntegerField()),
        "bool": Value(None, output_field=BooleanField()),
        "text": Value(None, output_field=CharField()),
        "time": Value(None, output_field=DateTimeField()),
    }
    rows = meeting.documents.order_by().values_list(
        Value("document", output_field=CharField()), "pk", "title", "file",
        none["int"], none["bool"], none["text"], none["time"], "created_at",
    )  # fmt: skip
    if with_decisions:
        decision_rows = meeting.decisions.order_by().values_list(
            Value("decision", output_field=CharField()), "pk", "text", "action_point__title",
            "action_point_id", "action_point__live", "action_point__url_path", "converted_at",
            "created_at",
        )  # fmt: skip
        rows = rows.union(decision_rows, all=True)
    found_documents, found_decisions = [], []
    for kind, pk, text, name, point_id, live, url_path, converted_at, created_at in rows:
        if kind == "document":
            found_documents.append(
                Document(pk=pk, title=text, file=name, created_at=created_at, collection_id=None)
            )
            continue
        point = Page(pk=point_id, title=name, live=live, url_path=url_path) if point_id else None
        found_decisions.append(
            MeetingDecision(
                pk=pk,
                meeting=meeting,
                text=text,
                action_point=point,
                converted_at=converted_at,
                created_at=created_at,
            )
        )
    found_documents.sort(key=lambda document: (document.title.lower(), document.pk))
    found_decisions.sort(key=lambda decision: (decision.created_at, decision.pk))
    return found_documents, found_decisions


def decision(meeting, decision_id):
    """A decision of ``meeting``, or None (also for an id that is no number)."""
    try:
        return meeting.decisions.filter(pk=int(decision_id or 0)).first()
    except ValueError:
        return None


def board_decision(decision_id: int):
    """A decision of a board meeting with its meeting, board page and action point."""
    return (
        MeetingDecision.objects.select_related("meeting__workspace__page", "action_point")
        .filter(pk=decision_id, meeting__workspace__kind=WorkspaceKind.BOARD)
        .first()
    )


# Messages ------------------------------------------------------------------------------------


def threads(workspace):
    """The workspace's threads with their number of posts, latest activity first."""
    return (
        workspace.threads.select_related("author")
        .annotate(replies=Count("posts"))
        .order_by("-last_post_at", "pk")
    )


def thread(workspace, thread_id: int):
    return workspace.threads.filter(pk=thread_id).first()


def posts(thread) -> list:
    return list(thread.posts.select_related("author"))


# Polls ---------------------------------------------------------------------------------------


def polls(workspace):
    """The workspace's polls with their number of votes, latest closing first."""
    return workspace.polls.annotate(vote_count=Count("votes")).order_by("-closes_at", "pk")


def poll(workspace, poll_id: int):
    return workspace.polls.filter(pk=poll_id).first()


def poll_results(poll, user) -> tuple[list, object, int]:
    """The poll's options with ``vote_count``, ``is_mine`` and ``percentage``; the option
    ``user`` voted for (or None); the number of votes."""
    mine = Vote.objects.filter(option=OuterRef("pk"), user=user)
    options = list(poll.options.annotate(vote_count=Count("votes"), is_mine=Exists(mine)))
    total = sum(option.vote_count for option in options)
    for option in options:
        option.percentage = round(100 * option.vote_count / total) if total else 0
    my_vote = next((option for option in options if option.is_mine), None)
    return options, my_vote, total


# Members -------------------------------------------------------------------------------------


def memberships(workspace) -> list:
    return list(
        workspace.memberships.select_related("user").order_by("user__first_name", "user__username")
    )


def open_invitations(workspace):
    """Invitations by e-mail that have not been accepted and still work."""
    return workspace.invitations.filter(
        accepted_at__isnull=True,
        created_at__gte=timezone.now() - timedelta(days=settings.MEMBERS_INVITATION_VALID_DAYS),
    )


def board_members_of(kernen, workspace):
    """The active members of the boards of ``kernen`` who are not yet in ``workspace``: a
    project's chair may add them without an invitation."""
    boards = Workspace.objects.none()
    for kern in kernen:
        boards = boards | Workspace.objects.filter(page__path__startswith=kern.path)
    return (
        get_user_model()
        .objects.filter(groups__member_workspace__in=boards, is_active=True)
        .exclude(memberships__workspace=workspace)
        .distinct()
        .order_by("first_name", "username")
    )


# Overview ------------------------------------------------------------------------------------


def announcements_for_kern(kern_path: str):
    """The municipality's announcements to all kernen or to this one."""
    return Announcement.objects.filter(
        Q(all_kernen=True) | Q(kernen__path=kern_path), home__path=kern_path[: -Page.steplen]
    )


def announcements_for_municipality(home_path: str):
    return Announcement.objects.filter(home__path=home_path)


def pending_project_invitations(kern_path: str):
    """Projects of other boards that invited this kern and wait for its answer."""
    return ProjectKernInvitation.objects.filter(
        kern__path=kern_path, status=InvitationStatus.PENDING
    )


def project_invitations_of(kern) -> tuple[list, list]:
    """The project invitations a kern's board received and those it sent."""
    invitations = list(
        ProjectKernInvitation.objects.filter(
            Q(kern_id=kern.pk) | Q(invited_by_kern_id=kern.pk)
        ).select_related("project", "kern", "invited_by_kern")
    )
    received = [invitation for invitation in invitations if invitation.kern_id == kern.pk]
    sent = [invitation for invitation in invitations if invitation.kern_id != kern.pk]
    return received, sent
