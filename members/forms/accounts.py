"""Forms about people: inviting and adding members, a member's own settings, and the
account an invited person makes."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from members import services, tasks
from members.constants import Role
from members.forms.content import WorkspaceForm
from members.models.workspace import Invitation
from security.passwords import NewAccountForm


class InviteForm(WorkspaceForm):
    """An invitation by e-mail (``site_url``: the site's full address, for the link)."""

    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)

    def __init__(self, *args, site_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.site_url = site_url

    def save(self) -> Invitation:
        invitation = Invitation.objects.create(
            workspace=self.workspace, invited_by=self.user, **self.cleaned_data
        )
        tasks.enqueue_on_commit(tasks.send_invitation, invitation.pk, self.site_url)
        return invitation


class AddMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Board member"), queryset=None)

    def __init__(self, *args, workspace, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.fields["user"].queryset = candidates

    def save(self):
        return services.add_member(self.workspace, self.cleaned_data["user"])


class ProfileForm(forms.Form):
    email_notifications = forms.BooleanField(
        label=_("E-mail me about new messages in my workspaces"), required=False
    )

    def __init__(self, *args, profile, **kwargs):
        kwargs.setdefault("initial", {"email_notifications": profile.email_notifications})
        super().__init__(*args, **kwargs)
        self.profile = profile

    def save(self):
        self.profile.email_notifications = self.cleaned_data["email_notifications"]
        self.profile.save(update_fields=["email_notifications"])
        return self.profile


class SetPasswordForInvitationForm(NewAccountForm):
    """Used when the invited person has no account yet."""

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def account_email(self) -> str:
        return self.email

    def save(self):
        """The invited person's account; their user name is their e-mail address."""
        data = self.cleaned_data
        return get_user_model().objects.create_user(
            username=self.email.lower(),
            email=self.email,
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
