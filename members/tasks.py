"""E-mail of the member area, sent in the background (django-tasks)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from django_tasks import task

from members import chat_digest
from members.constants import Answer, WorkspaceKind
from members.models.content import Announcement, Meeting, Post
from members.models.projects import InvitationStatus, ProjectKernInvitation
from members.models.workspace import Invitation, Workspace


def enqueue_on_commit(job, *args) -> None:
    """Queue the task ``job`` once the current transaction commits (so it sees what was
    written)."""
    transaction.on_commit(lambda: job.enqueue(*args))


def recipients(workspace, *, notifications_only=False, exclude=None, organisation_id=None):
    """Who gets the workspace's e-mail: its members and guests, and of the invited
    organisations only the one a thread is addressed to (``organisation_id``)."""
    groups = workspace.access_groups.filter(
        Q(organisation__isnull=True) | Q(organisation=organisation_id)
    )
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    if notifications_only:
        users = users.exclude(member_profile__email_notifications=False)
    if exclude is not None:
        users = users.exclude(pk=exclude)
    return users.distinct().order_by("pk")


def _mail(subject_template, body_template, context, to):
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(body_template, context)
    return (subject, body, settings.DEFAULT_FROM_EMAIL, to)


@task()
def notify_new_post(post_id: int, page_url: str, account_url: str) -> int:
    post = Post.objects.select_related("thread__workspace", "author").filter(pk=post_id).first()
    if post is None:
        return 0
    thread = post.thread
    mails = [
        _mail(
            "emails/members_new_post_subject.txt",
            "emails/members_new_post.txt",
            {
                "post": post,
                "thread": thread,
                "workspace": thread.workspace,
                "user": user,
                "url": f"{page_url}berichten/{thread.pk}/",
                "account_url": account_url,
            },  # fmt: skip
            [user.email],
        )
        for user in recipients(
            thread.workspace,
            notifications_only=True,
            exclude=post.author_id,
            organisation_id=thread.organisation_id,
        )
    ]
    return send_mass_mail(mails, fail_silently=False)


@task()
def send_invitation(invitation_id: int, base_url: str) -> int:
    invitation = Invitation.objects.select_related("workspace", "invited_by").get(pk=invitation_id)
    url = base_url.rstrip("/") + reverse("members_invitation", args=[invitation.token])
    mail = _mail(
        "emails/members_invitation_subject.txt",
        "emails/members_invitation.txt",
        {"invitation": invitation, "url": url},
        [invitation.email],
    )
    return send_mass_mail([mail], fail_silently=False)


@task()
def send_meeting_reminders() -> int:
    """Remind members of the meetings of tomorrow (once per meeting)."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    meetings = Meeting.objects.filter(
        starts_at__date=tomorrow, reminder_sent_at__isnull=True
    ).select_related("workspace__page")
    sent = 0
    for meeting in meetings:
        declined = meeting.responses.filter(answer=Answer.NO).values_list("user_id", flat=True)
        page_url = meeting.workspace.page.full_url or ""
        mails = [
            _mail(
                "emails/members_reminder_subject.txt",
                "emails/members_reminder.txt",
                {
                    "meeting": meeting,
                    "user": user,
                    "url": f"{page_url}vergaderingen/{meeting.pk}/",
                },  # fmt: skip
                [user.email],
            )
            for user in recipients(meeting.workspace).exclude(pk__in=list(declined))
        ]
        sent += send_mass_mail(mails, fail_silently=False)
        meeting.reminder_sent_at = timezone.now()
        meeting.save(update_fields=["reminder_sent_at"])
    return sent


@task()
def send_announcement(announcement_id: int) -> int:
    announcement = Announcement.objects.get(pk=announcement_id)
    boards = Workspace.objects.filter(
        kind=WorkspaceKind.BOARD, page__path__startswith=announcement.home.path
    )
    if not announcement.all_kernen:
        kern_paths = [kern.path for kern in announcement.kernen.all()]
        condition = Q(pk__in=[])
        for path in kern_paths:
            condition |= Q(page__path__startswith=path)
        boards = boards.filter(condition)
    users = (
        get_user_model()
        .objects.filter(groups__member_workspace__in=boards, is_active=True)
        .exclude(email="")
        .distinct()
    )
    mails = [
        _mail(
            "emails/members_announcement_subject.txt",
            "emails/members_announcement.txt",
            {"announcement": announcement, "user": user},
            [user.email],
        )
        for user in users
    ]
    return send_mass_mail(mails, fail_silently=False)


def _board_of(kern):
    """The board workspace of ``kern``, or None."""
    return (
        Workspace.objects.filter(kind=WorkspaceKind.BOARD, page__path__startswith=kern.path)
        .select_related("page")
        .first()
    )


def _mail_recipients(workspace):
    """The active members of ``workspace``'s group who have an e-mail address."""
    return (
        get_user_model()
        .objects.filter(groups=workspace.member_group_id, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


@task()
def send_project_invitation(kern_invitation_id: int, base_url: str) -> int:
    """Tell the board of an invited kern that another board invites it to a project."""
    invitation = (
        ProjectKernInvitation.objects.select_related("project", "kern", "invited_by_kern")
        .filter(pk=kern_invitation_id)
        .first()
    )
    if invitation is None:
        return 0
    board = _board_of(invitation.kern)
    if board is None:
        return 0
    _site, _root, page_path = board.page.get_url_parts()
    url = f"{base_url.rstrip('/')}{page_path}projecten/"
    users = _mail_recipients(board)
    mails = [
        _mail(
            "emails/members_project_invitation_subject.txt",
            "emails/members_project_invitation.txt",
            {"invitation": invitation, "user": user, "url": url},
            [user.email],
        )
        for user in users
    ]
    return send_mass_mail(mails, fail_silently=False)


@task()
def send_invitation_answer(kern_invitation_id: int, base_url: str) -> int:
    """Tell the board that started a project how an invited kern answered."""
    invitation = (
        ProjectKernInvitation.objects.select_related("project", "kern", "invited_by_kern")
        .filter(pk=kern_invitation_id)
        .exclude(status=InvitationStatus.PENDING)
        .first()
    )
    if invitation is None or invitation.invited_by_kern is None:
        return 0
    board = _board_of(invitation.invited_by_kern)
    if board is None:
        return 0
    project = invitation.project
    _site, _root, page_path = project.get_url_parts()
    url = f"{base_url.rstrip('/')}{page_path}{project.overview_subpath}"
    context = {
        "invitation": invitation,
        "accepted": invitation.status == InvitationStatus.ACCEPTED,
        "url": url,
    }
    mails = [
        _mail(
            "emails/members_invitation_answer_subject.txt",
            "emails/members_invitation_answer.txt",
            {**context, "user": user},
            [user.email],
        )
        for user in _mail_recipients(board)
    ]
    return send_mass_mail(mails, fail_silently=False)


@task()
def send_chat_digest() -> int:
    """Once a day: each member with unread chat messages gets one e-mail about them."""
    return chat_digest.send_digests()
