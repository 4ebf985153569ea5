"""A decision in a board meeting's minutes becomes an action point of the kern's kernagenda.

The kernagenda belongs to the sibling app ``agenda``; it offers ``create_action_point``
through ``kernen.bridges`` (no import between the apps). The action point is a *draft*: the
kern's redactie reads it, completes it and publishes it, so nothing written in a private board
area goes public without an editor. It links back to ``/besluit/<id>/``
(``members.views.decision``), which sends a member with access to the meeting and shows
anyone else only which board decided and when, never the minutes.

Only members of the board group record decisions and turn them into action points; the
kern's gebiedsmakelaar sees them (they may read the board area) but cannot change them.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override

from kernen.bridges import CREATE_ACTION_POINT, get_bridge
from members.models.content import MeetingDecision

TITLE_LENGTH = 120


def can_make_action_points() -> bool:
    return get_bridge(CREATE_ACTION_POINT) is not None


def action_point_texts(decision, kern) -> tuple[str, str, str]:
    """Title, summary and source label of the action point (in the site's language, since
    they are stored)."""
    first_line = decision.text.strip().splitlines()[0]
    with override(settings.LANGUAGE_CODE):
        label = _("Decision of the board of %(kern)s, meeting of %(date)s") % {
            "kern": kern.title,
            "date": formats.date_format(timezone.localtime(decision.meeting.starts_at), "j F Y"),
        }
    return Truncator(first_line).chars(TITLE_LENGTH), decision.text.strip(), label


def convert_decision(decision, kern, user, base_url: str):
    """Create the action point of ``decision``; None when it already has one (or is being
    made by another request). Raises ``LookupError`` when no kernagenda can take it."""
    create = get_bridge(CREATE_ACTION_POINT)
    if create is None:
        raise LookupError("no app offers create_action_point")
    title, summary, label = action_point_texts(decision, kern)
    source_url = base_url.rstrip("/") + reverse("members_decision", args=[decision.pk])
    with transaction.atomic():
        # The claim: only one request turns the row from "not converted" to "converted".
        claimed = MeetingDecision.objects.filter(pk=decision.pk, converted_at__isnull=True).update(
            converted_at=timezone.now(), converted_by=user
        )
        if not claimed:
            return None
        point = create(kern, title, summary, source_url, label, user=user)
        MeetingDecision.objects.filter(pk=decision.pk).update(action_point=point)
    return point
