"""Who may enter a workspace: decided here only, and used by every view of the member area.

A user may enter when they are an active superuser, or a member of one of the workspace's
``access_groups``: the groups that provisioning also writes into the Wagtail view restrictions
of the workspace's page and private collection. Removing someone from the group (or deleting
their membership, which does that) takes access away on their next request.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from members.constants import AccessRole
from members.models.workspace import Workspace


def workspace_for_page(page_id: int, user) -> Workspace | None:
    """The workspace of a page, with the access check of ``user`` (and whether they are in its
    own member group) done in the same query."""
    workspaces = Workspace.objects.filter(page_id=page_id)
    if user.is_authenticated and user.is_active and not user.is_superuser:
        member = Workspace.access_groups.through.objects.filter(
            workspace=OuterRef("pk"), group__user=user
        )
        in_member_group = get_user_model().groups.through.objects.filter(
            group=OuterRef("member_group"), user=user
        )
        workspaces = workspaces.annotate(
            user_may_enter=Exists(member),
            user_is_member=Exists(in_member_group),
            user_may_post=Exists(member.filter(_writers(OuterRef("pk")))),
        )
    workspace = workspaces.first()
    if workspace is not None and hasattr(workspace, "user_may_enter"):
        user.__dict__.setdefault("_workspace_access", {})[workspace.pk] = workspace.user_may_enter
        user.__dict__.setdefault("_board_member", {})[workspace.pk] = workspace.user_is_member
        user.__dict__.setdefault("_workspace_post", {})[workspace.pk] = workspace.user_may_post
    return workspace


def _writers(workspace, prefix: str = "group__") -> Q:
    """The access groups whose members may write in ``workspace`` (a pk or ``OuterRef``):
    every group but that of an organisation invited only to read."""
    return Q(**{f"{prefix}organisation__isnull": True}) | Q(
        **{
            f"{prefix}organisation__accesses__workspace": workspace,
            f"{prefix}organisation__accesses__role": AccessRole.POST,
        }
    )


def can_access(user, workspace: Workspace) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_workspace_access", {})
    if workspace.pk not in cache:
        cache[workspace.pk] = workspace.access_groups.filter(user=user).exists()
    return cache[workspace.pk]


def is_board_member(user, workspace: Workspace) -> bool:
    """Whether ``user`` is in the workspace's own member group ("<Kern> – bestuur" of a board),
    not just allowed to read it as the kern's gebiedsmakelaar. Admins count as members."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_board_member", {})
    if workspace.pk not in cache:
        cache[workspace.pk] = user.groups.filter(pk=workspace.member_group_id).exists()
    return cache[workspace.pk]


def workspaces_of(user):
    if not user.is_authenticated or not user.is_active:
        return Workspace.objects.none()
    workspaces = Workspace.objects.select_related("page")
    if user.is_superuser:
        return workspaces
    return workspaces.filter(access_groups__user=user).distinct()


def can_announce(user) -> bool:
    return user.is_active and user.has_perm("members.send_announcement")


def can_post(user, workspace: Workspace) -> bool:
    """Whether ``user`` may write in ``workspace`` (post, answer, vote, upload): everyone who
    may enter, except who enters only as a member of an organisation invited to read."""
    if not can_access(user, workspace):
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_workspace_post", {})
    if workspace.pk not in cache:
        cache[workspace.pk] = (
            workspace.access_groups.filter(user=user)
            .filter(_writers(workspace, prefix=""))
            .exists()
        )
    return cache[workspace.pk]
