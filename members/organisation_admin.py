"""Organisations in the admin (Member area → Organisations): who reaches which, and the form
that also sets their members.

Administrators reach every organisation; who holds the organisation permissions (the
municipality's "Communicatie" group, given them by provisioning) reaches those of the
municipalities where their groups have page permissions. A member of an organisation is a
user in its group; the form's "Members" field sets that group's users, so the comms group
manages members without rights on users and groups."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupPagePermission, Page

from security.admin_scope import ScopedPermissionPolicy

#: A municipality's home page lies at depth 2: its path is this long.
HOME_PATH_LENGTH = 2 * Page.steplen


def municipality_paths(user) -> set[str]:
    """The paths of the home pages below which ``user``'s groups hold page permissions."""
    if not hasattr(user, "_organisation_homes"):
        paths = GroupPagePermission.objects.filter(group__user=user).values_list(
            "page__path", flat=True
        )
        user._organisation_homes = {path[:HOME_PATH_LENGTH] for path in paths}
    return user._organisation_homes


def municipalities_of(user):
    homes = Page.objects.filter(depth=2)
    if user.is_superuser:
        return homes
    return homes.filter(path__in=municipality_paths(user))


class OrganisationPolicy(ScopedPermissionPolicy):
    """The organisation permissions, limited to the user's own municipalities."""

    def scope(self, user, queryset):
        return queryset.filter(home__path__in=municipality_paths(user))


class OrganisationAdminForm(WagtailAdminModelForm):
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        help_text=_("The accounts that act for the organisation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.fields["home"].queryset = municipalities_of(self.for_user)
        if self.instance.group_id:
            self.initial["members"] = list(
                self.instance.group.user_set.values_list("pk", flat=True)
            )

    def save(self, commit=True):
        organisation = super().save(commit=commit)
        if commit:
            organisation.group.user_set.set(self.cleaned_data["members"])
        return organisation
