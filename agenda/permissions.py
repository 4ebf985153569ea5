"""Sign-ups hold personal data: a kern's redactie sees those of its own kern's action points,
admins see all."""

from wagtail.permission_policies import ModelPermissionPolicy

from kernen.models import KernPage


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


class KernScopedPolicy(ModelPermissionPolicy):
    """Django's model permissions, limited to the action points of the user's own kernen."""

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        if user.is_superuser:
            return self.model.objects.all()
        return self.model.objects.filter(action_point__kern_id__in=kern_ids_of(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        return user.is_superuser or instance.action_point.kern_id in kern_ids_of(user)
