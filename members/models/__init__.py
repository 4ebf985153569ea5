"""The private member area: workspaces (a kern's board, a project, the dorpenoverleg), the
pages that own them, and what members keep in them."""

from members.models.content import (
    Announcement,
    Meeting,
    MeetingResponse,
    Poll,
    PollOption,
    Post,
    Thread,
    Vote,
)
from members.models.pages import (
    BoardAreaPage,
    DorpenoverlegPage,
    ProjectIndexPage,
    ProjectPage,
)
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
    "DorpenoverlegPage",
    "Invitation",
    "Meeting",
    "MeetingResponse",
    "MemberProfile",
    "Membership",
    "Poll",
    "PollOption",
    "Post",
    "ProjectIndexPage",
    "ProjectPage",
    "Thread",
    "Vote",
    "Workspace",
]
