"""Creating workspaces and keeping their access in Wagtail's view restrictions.

Run by provisioning (kern and municipality hooks), by the demo and when a project page is
published. Everything here is idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from members.constants import Role, WorkspaceKind
from members.models import BrokerGroup, Membership, Workspace

BROKERS_GROUP = "Gebiedsmakelaars"


def board_group_name(kern) -> str:
    return f"{kern.title} – bestuur"


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


def _workspace_owns(group: Group) -> bool:
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


@transaction.atomic
def ensure_board_workspace(kern, report=None) -> Workspace | None:
    from members.models import BoardAreaPage

    page = BoardAreaPage.objects.child_of(kern).first()
    if page is None:
        return None
    workspace = Workspace.objects.filter(page=page).first()
    if workspace is None:
        name = board_group_name(kern)
        member_group = unique_group(name, _workspace_owns)
        broker_group = unique_group(f"{kern.title} – gebiedsmakelaar", _workspace_owns)
        # Not under the kern's own collection: its editors' permissions reach its children.
        collection = private_collection(member_group.name, collection_parent_of(kern.get_parent()))
        workspace = Workspace.objects.create(
            kind=WorkspaceKind.BOARD,
            name=member_group.name,
            page=page,
            member_group=member_group,
            broker_group=broker_group,
            collection=collection,
        )
        workspace.access_groups.add(member_group, broker_group)
        if report is not None:
            report.add(f"board workspace {member_group.name}")
    sync_restrictions(workspace)
    sync_area_broker(kern)
    overleg = overleg_workspace(kern.get_parent())
    if overleg is not None and not overleg.access_groups.filter(pk=workspace.member_group_id):
        overleg.access_groups.add(workspace.member_group)
        sync_restrictions(overleg)
    return workspace


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


def overleg_workspace(home) -> Workspace | None:
    from members.models import DorpenoverlegPage

    page = DorpenoverlegPage.objects.child_of(home).first()
    return Workspace.objects.filter(page=page).first() if page else None


@transaction.atomic
def ensure_municipality(home, report=None) -> None:
    """The group "Gebiedsmakelaars" and the dorpenoverleg's workspace."""
    from kernen.models import KernPage
    from members.models import DorpenoverlegPage

    brokers = brokers_group(home)
    page = DorpenoverlegPage.objects.child_of(home).first()
    if page is None:
        return
    workspace = Workspace.objects.filter(page=page).first()
    if workspace is None:
        name = f"Dorpenoverleg {home.specific.municipality_name}"
        member_group = unique_group(name, _workspace_owns)
        collection = private_collection(name, collection_parent_of(home))
        workspace = Workspace.objects.create(
            kind=WorkspaceKind.OVERLEG,
            name=name,
            page=page,
            member_group=member_group,
            collection=collection,
        )
        if report is not None:
            report.add(f"workspace {name}")
    boards = Workspace.objects.filter(
        kind=WorkspaceKind.BOARD, page__in=_board_pages(KernPage.objects.child_of(home))
    ).values_list("member_group", flat=True)
    workspace.access_groups.add(workspace.member_group, brokers, *boards)
    sync_restrictions(workspace)


def _board_pages(kernen):
    from members.models import BoardAreaPage

    pages = BoardAreaPage.objects.none()
    for kern in kernen:
        pages = pages | BoardAreaPage.objects.child_of(kern)
    return pages


@transaction.atomic
def ensure_project_workspace(project) -> Workspace:
    workspace = Workspace.objects.filter(page=project).first()
    if workspace is None:
        member_group = unique_group(f"Project {project.title}", _workspace_owns)
        home = project.get_parent().get_parent()
        collection = private_collection(member_group.name, collection_parent_of(home))
        workspace = Workspace.objects.create(
            kind=WorkspaceKind.PROJECT,
            name=member_group.name,
            page=project,
            member_group=member_group,
            collection=collection,
        )
        workspace.access_groups.add(member_group)
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
