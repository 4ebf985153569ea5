"""The forms of the member area. Each form that writes does it in its own ``save()``: it
gets what it writes into (workspace, meeting, ...) and who writes when it is made, and
``members.routes.base.handle_form`` binds, validates, saves and answers."""

from members.forms.accounts import (
    AddMemberForm,
    InviteForm,
    ProfileForm,
    SetPasswordForInvitationForm,
)
from members.forms.boards import AnnouncementForm, StartProjectForm
from members.forms.content import (
    AnswerForm,
    DecisionForm,
    DocumentSearchForm,
    DocumentUploadForm,
    MeetingForm,
    MinutesForm,
    PollForm,
    PostForm,
    ThreadForm,
    VoteForm,
)
from members.forms.organisations import InviteOrganisationForm, OrganisationProfileForm

__all__ = [
    "AddMemberForm",
    "AnnouncementForm",
    "AnswerForm",
    "DecisionForm",
    "DocumentSearchForm",
    "DocumentUploadForm",
    "InviteForm",
    "InviteOrganisationForm",
    "MeetingForm",
    "MinutesForm",
    "OrganisationProfileForm",
    "PollForm",
    "PostForm",
    "ProfileForm",
    "SetPasswordForInvitationForm",
    "StartProjectForm",
    "ThreadForm",
    "VoteForm",
]
