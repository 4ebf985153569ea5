"""What the member area writes beyond one form: workspaces and their access (kept in
Wagtail's view restrictions), memberships, accepted invitations and calendar tokens.

The workspaces of a board and of the dorpenoverleg are made by ``members.provisioning`` (the
kern and municipality hooks); a project's here, when its page is published. Making and
syncing workspaces is idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from members.constants import Role, WorkspaceKind
from members.models.organisations import OrganisationAccess
from members.models.workspace import BrokerGroup, MemberProfile, Membership, Workspace, new_token

BROKERS_GROUP = "Gebiedsmakelaars"


def unique_group(name: str, taken_by) -> Group:
    """The group ``name``; a suffixed name when another owner (``taken_by(group)``) has it."""
    group = Group.objects.filter(name=name).first()
    suffix = 2
    while group is not None and taken_by(group):
        candidate = f"{name} ({suffix})"
        group = Group.objects.filter(name=candidate).first()
        if group is None:
            name = candidate
        suffix += 1
    if group is None:
        group = Group.objects.create(name=name)
    return group


def owned_by_a_workspace(group: Group) -> bool:
    return (
        Workspace.objects.filter(member_group=group).exists()
        or Workspace.objects.filter(broker_group=group).exists()
    )


def private_collection(name: str, parent: Collection) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def sync_restrictions(workspace: Workspace, *, restrict_page: bool = True) -> None:
    """Mirror ``workspace.access_groups`` into the view restrictions of its collection (and
    its page, unless the page is a public summary)."""
    groups = list(workspace.access_groups.all())
    targets = [(CollectionViewRestriction, {"collection": workspace.collection})]
    if restrict_page:
        targets.append((PageViewRestriction, {"page": workspace.page}))
    for model, lookup in targets:
        restriction = model.objects.filter(**lookup).first()
        if restriction is None:
            restriction = model.objects.create(
                restriction_type=BaseViewRestriction.GROUPS, **lookup
            )
        elif restriction.restriction_type != BaseViewRestriction.GROUPS:
            restriction.restriction_type = BaseViewRestriction.GROUPS
            restriction.save()
        restriction.groups.set(groups)


def collection_parent_of(home) -> Collection:
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=home.specific.municipality_name).first() or root


def brokers_group(home) -> Group:
    link = BrokerGroup.objects.filter(home=home).select_related("group").first()
    if link:
        return link.group
    group = unique_group(BROKERS_GROUP, lambda g: BrokerGroup.objects.filter(group=g).exists())
    BrokerGroup.objects.create(home=home, group=group)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="members", codename="send_announcement")
    )
    return group


def new_workspace(kind, page, home, group_name: str, broker_group_name: str = "") -> Workspace:
    """A workspace with its own member group (and broker group), both in its access groups,
    and its private collection named after the member group."""
    member_group = unique_group(group_name, owned_by_a_workspace)
    broker_group = (
        unique_group(broker_group_name, owned_by_a_workspace) if broker_group_name else None
    )
    # Not under a kern's own collection: its editors' permissions reach its children.
    collection = private_collection(member_group.name, collection_parent_of(home))
    workspace = Workspace.objects.create(
        kind=kind,
        name=member_group.name,
        page=page,
        member_group=member_group,
        broker_group=broker_group,
        collection=collection,
    )
    workspace.access_groups.add(member_group, *([broker_group] if broker_group else []))
    return workspace


@transaction.atomic
def ensure_project_workspace(project) -> Workspace:
    workspace = Workspace.objects.filter(page=project).first()
    if workspace is None:
        home = project.get_parent().get_parent()
        workspace = new_workspace(WorkspaceKind.PROJECT, project, home, f"Project {project.title}")
    # The project page is the public summary: only the workspace routes and the collection are
    # private.
    sync_restrictions(workspace, restrict_page=False)
    return workspace


def sync_area_broker(kern) -> None:
    """The kern's gebiedsmakelaar (and only they) are in the kern's broker group."""
    workspace = (
        Workspace.objects.filter(kind=WorkspaceKind.BOARD, page__path__startswith=kern.path)
        .select_related("broker_group")
        .first()
    )
    if workspace is None or workspace.broker_group is None:
        return
    broker = kern.area_broker
    users = [broker.user] if broker and broker.user_id and broker.user.is_active else []
    workspace.broker_group.user_set.set(users)
    if users:
        brokers_group(kern.get_parent()).user_set.add(*users)


def add_member(workspace: Workspace, user, role: str = Role.MEMBER) -> Membership:
    membership, created = Membership.objects.get_or_create(
        workspace=workspace, user=user, defaults={"role": role}
    )
    if not created and role == Role.CHAIR and membership.role != Role.CHAIR:
        membership.role = Role.CHAIR
        membership.save()
    return membership


def remove_member(workspace: Workspace, membership_id) -> Membership | None:
    """Delete a membership of ``workspace`` (which takes the person out of its member group);
    None when there is no such membership."""
    try:
        membership = workspace.memberships.filter(pk=int(membership_id or 0)).first()
    except ValueError:
        return None
    if membership is not None:
        membership.delete()
    return membership


@transaction.atomic
def accept_invitation(invitation, user) -> Membership:
    """``user`` becomes a member with the invitation's role; the invitation is used up."""
    membership, _created = Membership.objects.get_or_create(
        workspace=invitation.workspace, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def renew_calendar_token(user) -> MemberProfile:
    """A new secret for the member's calendar links: the old links stop working."""
    profile = MemberProfile.for_user(user)
    profile.calendar_token = new_token()
    profile.save(update_fields=["calendar_token"])
    return profile


def _restrict_page(workspace: Workspace) -> bool:
    # A project's page is its public summary: only its routes and collection are private.
    return workspace.kind != WorkspaceKind.PROJECT


@transaction.atomic
def invite_organisation(workspace: Workspace, organisation, role, invited_by=None):
    """Let ``organisation``'s members into ``workspace`` with ``role`` (read, or read and
    post); inviting again changes the role."""
    access, _created = OrganisationAccess.objects.update_or_create(
        workspace=workspace,
        organisation=organisation,
        defaults={"role": role, "invited_by": invited_by},
    )
    workspace.access_groups.add(organisation.group_id)
    sync_restrictions(workspace, restrict_page=_restrict_page(workspace))
    return access


@transaction.atomic
def end_organisation_access(workspace: Workspace, access_id) -> OrganisationAccess | None:
    """End an organisation's access to ``workspace`` at once; None when there is none."""
    try:
        access = (
            workspace.organisation_accesses.select_related("organisation")
            .filter(pk=int(access_id or 0))
            .first()
        )
    except ValueError:
        return None
    if access is not None:
        access.delete()
        workspace.access_groups.remove(access.organisation.group_id)
        sync_restrictions(workspace, restrict_page=_restrict_page(workspace))
    return access


def add_organisation_member(organisation, user) -> None:
    user.groups.add(organisation.group_id)


def delete_organisation_group(organisation) -> None:
    """After an organisation is deleted: its group goes, and with it every workspace's and
    view restriction's hold on it, so its members lose all access at once."""
    Group.objects.filter(pk=organisation.group_id).delete()
