"""The private member area: workspaces (a kern's board, a project, the dorpenoverleg), the
pages that own them, and what members keep in them.

Inside the app, import a model from its own module (``members.models.content``, ...): the
pages import the routes, and the routes import the models below the pages.
"""

from members.models.board import BoardAreaPage
from members.models.chat import ChatDigestDay, ChatMessage, ChatReadMarker
from members.models.content import (
    Announcement,
    Meeting,
    MeetingDecision,
    MeetingResponse,
    Poll,
    PollOption,
    Post,
    Thread,
    Vote,
)
from members.models.organisation_index import OrganisationIndexPage
from members.models.organisations import Organisation, OrganisationAccess
from members.models.pages import DorpenoverlegPage, ProjectIndexPage, ProjectPage
from members.models.projects import InvitationStatus, ProjectKernInvitation
from members.models.workspace import (
    BrokerGroup,
    Invitation,
    MemberProfile,
    Membership,
    Workspace,
)

__all__ = [
    "Announcement",
    "BoardAreaPage",
    "BrokerGroup",
    "ChatDigestDay",
    "ChatMessage",
    "ChatReadMarker",
    "DorpenoverlegPage",
    "Invitation",
    "InvitationStatus",
    "Meeting",
    "MeetingDecision",
    "MeetingResponse",
    "MemberProfile",
    "Membership",
    "Organisation",
    "OrganisationIndexPage",
    "OrganisationAccess",
    "Poll",
    "PollOption",
    "Post",
    "ProjectIndexPage",
    "ProjectKernInvitation",
    "ProjectPage",
    "Thread",
    "Vote",
    "Workspace",
]
