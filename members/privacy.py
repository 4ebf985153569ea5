"""What the member area holds about an account holder (AVG): the account itself, memberships,
what they wrote in boards and projects, votes, meeting answers, and invitations to their
address. Deleting the account keeps their messages, shown as "voormalig lid"; expired
invitations are deleted after ``PRIVACY_INVITATIONS_DAYS``. See docs/privacy.md."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from wagtail.documents import get_document_model

from members.models import (
    Announcement,
    Invitation,
    Meeting,
    MeetingResponse,
    MemberProfile,
    Membership,
    Poll,
    Post,
    Thread,
    Vote,
)
from privacy.registry import DataSource, Retention, iso


def export_account(user) -> dict:
    profile = MemberProfile.objects.filter(user=user).first()
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "email_notifications": profile.email_notifications if profile else None,
    }


def export_member_area(user) -> dict:
    return {
        "memberships": [
            {"workspace": m.workspace.name, "role": m.role, "since": iso(m.created_at)}
            for m in Membership.objects.filter(user=user).select_related("workspace")
        ],
        "threads_started": [
            {"workspace": t.workspace.name, "subject": t.title, "started_at": iso(t.created_at)}
            for t in Thread.objects.filter(author=user).select_related("workspace")
        ],
        "messages": [
            {"subject": p.thread.title, "message": p.body, "written_at": iso(p.created_at)}
            for p in Post.objects.filter(author=user).select_related("thread")
        ],
        "polls_created": [
            {"question": p.question, "closes_at": iso(p.closes_at)}
            for p in Poll.objects.filter(created_by=user)
        ],
        "votes": [
            {"question": v.poll.question, "choice": v.option.label, "voted_at": iso(v.voted_at)}
            for v in Vote.objects.filter(user=user).select_related("poll", "option")
        ],
        "meetings_created": [
            {"title": m.title, "starts_at": iso(m.starts_at)}
            for m in Meeting.objects.filter(created_by=user)
        ],
        "meeting_answers": [
            {"meeting": r.meeting.title, "starts_at": iso(r.meeting.starts_at), "answer": r.answer}
            for r in MeetingResponse.objects.filter(user=user).select_related("meeting")
        ],
        "announcements_sent": [
            {"title": a.title, "message": a.body, "sent_at": iso(a.created_at)}
            for a in Announcement.objects.filter(sent_by=user)
        ],
        "documents_uploaded": [
            {"title": d.title, "uploaded_at": iso(d.created_at)}
            for d in get_document_model().objects.filter(uploaded_by_user=user)
        ],
        "invitations_received": [
            {"workspace": i.workspace.name, "sent_at": iso(i.created_at)}
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("workspace")
        ]
        if user.email
        else [],
    }


def erase_invitations(user) -> None:
    if user.email:
        Invitation.objects.filter(email__iexact=user.email).delete()


def purge_invitations(before) -> int:
    """Invitations older than the period; one that still works is never deleted."""
    still_valid = timezone.now() - timedelta(days=settings.MEMBERS_INVITATION_VALID_DAYS)
    return Invitation.objects.filter(created_at__lt=min(before, still_valid)).delete()[0]


def privacy_data() -> list[DataSource]:
    return [
        DataSource("account", export_account),
        DataSource("member_area", export_member_area, erase_invitations),
    ]


def retention_rules() -> list[Retention]:
    return [Retention("invitations", "PRIVACY_INVITATIONS_DAYS", purge_invitations)]
