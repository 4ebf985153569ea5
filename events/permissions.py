"""Who sees registrations: the editors of the activity's page, and nobody else."""

from django.contrib.auth.models import Permission

from wagtail.permission_policies.pages import PagePermissionPolicy

from events.models import EventPage
from security.admin_scope import ScopedPermissionPolicy


def grant_registration_view(kern, report=None) -> None:
    """Kern hook: a kern's editors may open the registrations list (which then shows only the
    activities they may edit)."""
    if kern.editors_group_id is None:
        return
    permission = Permission.objects.get(
        content_type__app_label="events", codename="view_registration"
    )
    kern.editors_group.permissions.add(permission)


def editable_event_ids(user):
    """A subquery of the activities ``user`` may edit."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return EventPage.objects.filter(pk__in=pages.values("pk")).values("pk")


class RegistrationPolicy(ScopedPermissionPolicy):
    """Model permissions on the registrations of the activities the user may edit.

    Nobody adds a registration in the admin: residents register through the activity's form,
    which keeps the places and the waiting list right."""

    refused_actions = frozenset({"add"})

    def scope(self, user, queryset):
        return queryset.filter(event__in=editable_event_ids(user))
