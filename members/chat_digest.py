"""The daily chat digest: at most one e-mail a day per member, about the chat messages they
have not read and no digest told them about yet.

Who: the active members and guests of a workspace with an e-mail address (not the members of
an organisation invited into it, whose e-mail stays quiet), unless they turned e-mail off
(``MemberProfile.email_notifications``). What counts: messages of others after both the
member's read marker (``ChatReadMarker.last_read_id``) and the last message a digest told them
about (``digested_id``), so a message is never in two digests. ``ChatDigestDay`` holds the day
of a member's last digest; it is claimed before the e-mail goes, so two runs on one day (or
two at once) send one. Run by ``members.tasks.send_chat_digest``
(``manage.py send_chat_digest``, daily from cron: docs/operations.md).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from members.models.chat import ChatDigestDay, ChatMessage, ChatReadMarker
from members.models.workspace import Workspace


@dataclass
class Digest:
    user: object
    #: (workspace name, unread count, chat URL), one per workspace with unread messages
    workspaces: list = field(default_factory=list)
    #: workspace id → the highest message id this digest tells about
    latest: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(count for _name, count, _url in self.workspaces)


def readers(workspace):
    """Who may get ``workspace``'s digest: its members and guests (not invited
    organisations), active, with an address, e-mail not turned off."""
    groups = workspace.access_groups.filter(organisation__isnull=True)
    return (
        get_user_model()
        .objects.filter(groups__in=groups, is_active=True)
        .exclude(email="")
        .exclude(member_profile__email_notifications=False)
        .distinct()
    )


def with_unread(users, workspace, up_to: int):
    """``users`` annotated with ``digest_unread``: the messages of others in ``workspace``
    after their read marker and after their last digest, up to id ``up_to`` (one query)."""
    marker = ChatReadMarker.objects.filter(user=OuterRef(OuterRef("pk")), workspace=workspace)
    seen = Coalesce(
        Subquery(marker.annotate(seen=Greatest("last_read_id", "digested_id")).values("seen")[:1]),
        Value(0),
    )
    unread = (
        ChatMessage.objects.filter(workspace=workspace, pk__gt=seen, pk__lte=up_to)
        .exclude(author=OuterRef("pk"))
        .order_by()
        .values("workspace")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return users.annotate(
        digest_unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0))
    )


def collect(today) -> dict[int, Digest]:
    """Per user who had no digest ``today``: their workspaces with unread chat."""
    digests: dict[int, Digest] = {}
    done_today = ChatDigestDay.objects.filter(sent_on=today).values("user")
    workspaces = (
        Workspace.objects.annotate(latest=Max("chat_messages__pk"))
        .filter(latest__isnull=False)
        .select_related("page")
        .order_by("name")
    )
    for workspace in workspaces:
        users = with_unread(
            readers(workspace).exclude(pk__in=done_today), workspace, workspace.latest
        )
        page_url = None
        for user in users.filter(digest_unread__gt=0).order_by("pk"):
            if page_url is None:
                page_url = workspace.page.specific_deferred.full_url or ""
            digest = digests.setdefault(user.pk, Digest(user=user))
            digest.workspaces.append((workspace.name, user.digest_unread, f"{page_url}chat/"))
            digest.latest[workspace.pk] = workspace.latest
    return digests


def claim(user, today) -> bool:
    """Mark ``today`` as ``user``'s digest day; False if it already was (another run)."""
    if ChatDigestDay.objects.filter(user=user).exclude(sent_on=today).update(sent_on=today):
        return True
    try:
        with transaction.atomic():
            ChatDigestDay.objects.create(user=user, sent_on=today)
    except IntegrityError:
        return False  # a digest day exists: today's, as the update above found no other
    return True


def remember(digest: Digest) -> None:
    """Move the member's ``digested_id`` past what this digest told them about."""
    for workspace_id, latest in digest.latest.items():
        marker, _created = ChatReadMarker.objects.get_or_create(
            user=digest.user, workspace_id=workspace_id
        )
        ChatReadMarker.objects.filter(pk=marker.pk, digested_id__lt=latest).update(
            digested_id=latest
        )


def message(digest: Digest, account_url: str):
    context = {
        "user": digest.user,
        "workspaces": digest.workspaces,
        "total": digest.total,
        "account_url": account_url,
    }
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string("emails/members_chat_digest_subject.txt", context).strip()
        body = render_to_string("emails/members_chat_digest.txt", context)
    return (subject, body, settings.DEFAULT_FROM_EMAIL, [digest.user.email])


def send_digests(now=None) -> int:
    """Send today's chat digests; the number of e-mails sent."""
    today = timezone.localdate(now)
    account_url = settings.BASE_URL.rstrip("/") + reverse("members_account")
    sent = 0
    for digest in collect(today).values():
        with transaction.atomic():
            if not claim(digest.user, today):
                continue
            remember(digest)
            sent += send_mass_mail([message(digest, account_url)], fail_silently=False)
    return sent
