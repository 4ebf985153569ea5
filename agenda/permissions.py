"""Sign-ups hold personal data: a kern's redactie sees those of its own kern's action points,
admins see all."""

from kernen.models import KernPage
from security.admin_scope import ScopedPermissionPolicy


def kern_ids_of(user):
    if not user.is_active or user.is_anonymous:
        return set()
    if not hasattr(user, "_agenda_kern_ids"):
        user._agenda_kern_ids = set(
            KernPage.objects.filter(editors_group__in=user.groups.all()).values_list(
                "pk", flat=True
            )
        )
    return user._agenda_kern_ids


class KernScopedPolicy(ScopedPermissionPolicy):
    """Django's model permissions, limited to the action points of the user's own kernen.

    Nobody adds a sign-up in the admin: residents sign up through the action point's form."""

    refused_actions = frozenset({"add"})

    def scope(self, user, queryset):
        return queryset.filter(action_point__kern_id__in=kern_ids_of(user))
