"""The private routes every workspace page has, by subject: documents, meetings (with the
calendar and a board's decisions), messages, the chat, polls and members.

A board area, a project and the dorpenoverleg all mix ``WorkspaceRoutesMixin`` in, so each
building block exists once. Every route goes through ``private``, which asks
``members.access.can_access``; every form goes through ``handle_form``. A board area's own
routes (its projects) are in ``members.routes.projects``.
"""

from members.routes.base import PER_PAGE, WorkspaceRoutesBase, handle_form, private
from members.routes.chat import ChatRoutesMixin
from members.routes.documents import DocumentRoutesMixin
from members.routes.meetings import MeetingRoutesMixin
from members.routes.membership import MembershipRoutesMixin
from members.routes.messages import MessageRoutesMixin
from members.routes.organisations import OrganisationRoutesMixin
from members.routes.polls import PollRoutesMixin


class WorkspaceRoutesMixin(
    DocumentRoutesMixin,
    MeetingRoutesMixin,
    MessageRoutesMixin,
    ChatRoutesMixin,
    PollRoutesMixin,
    MembershipRoutesMixin,
    OrganisationRoutesMixin,
    WorkspaceRoutesBase,
):
    """Overview helpers, documents, meetings, messages, chat, polls, members and invited
    organisations of a workspace."""


__all__ = ["PER_PAGE", "WorkspaceRoutesMixin", "handle_form", "private"]
