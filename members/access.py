"""Who may enter a workspace: decided here only, and used by every view of the member area.

A user may enter when they are an active superuser, or a member of one of the workspace's
``access_groups``: the groups that provisioning also writes into the Wagtail view restrictions
of the workspace's page and private collection. Removing someone from the group (or deleting
their membership, which does that) takes access away on their next request.
"""

from members.constants import Role
from members.models.workspace import Membership, Workspace


def can_access(user, workspace: Workspace) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_workspace_access", {})
    if workspace.pk not in cache:
        cache[workspace.pk] = workspace.access_groups.filter(user=user).exists()
    return cache[workspace.pk]


def is_chair(user, workspace: Workspace) -> bool:
    """Chairs (and admins) invite and remove members."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(workspace=workspace, user=user, role=Role.CHAIR).exists()


def workspaces_of(user):
    if not user.is_authenticated or not user.is_active:
        return Workspace.objects.none()
    workspaces = Workspace.objects.select_related("page")
    if user.is_superuser:
        return workspaces
    return workspaces.filter(access_groups__user=user).distinct()


def can_announce(user) -> bool:
    return user.is_active and user.has_perm("members.send_announcement")
