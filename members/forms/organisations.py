"""Forms about organisations: a board invites one into its workspace, and an organisation's
member keeps its public profile up to date."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members import organisations, services
from members.constants import AccessRole
from members.forms.content import WorkspaceForm
from members.models.organisations import Organisation


class InviteOrganisationForm(WorkspaceForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose one of the organisations in the list.")},
    )
    role = forms.ChoiceField(
        label=_("May"),
        choices=AccessRole.choices,
        initial=AccessRole.READ,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.invitable(self.workspace)

    def save(self):
        return services.invite_organisation(
            self.workspace,
            self.cleaned_data["organisation"],
            self.cleaned_data["role"],
            invited_by=self.user,
        )


class OrganisationProfileForm(forms.ModelForm):
    """What an organisation's own member may change on its public profile."""

    class Meta:
        model = Organisation
        fields = ["description", "email", "phone", "website", "logo"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, instance=organisation, **kwargs)
