"""The workspaces that provisioning makes: a kern's board and a municipality's dorpenoverleg.

``kernen.provisioning`` runs these as the kern and municipality hooks (registered in
``members.apps``); the demo runs them too. Idempotent: what exists is kept and its access
synced again.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from kernen.bridges import COMMS_GROUP, get_bridge
from kernen.models import KernPage
from members.constants import WorkspaceKind
from members.models.board import BoardAreaPage
from members.models.organisations import Organisation
from members.models.pages import DorpenoverlegPage
from members.models.workspace import Workspace
from members.services import (
    brokers_group,
    collection_parent_of,
    new_workspace,
    owned_by_a_workspace,
    private_collection,
    sync_area_broker,
    sync_restrictions,
    unique_group,
)


def board_group_name(kern) -> str:
    return f"{kern.title} – bestuur"


@transaction.atomic
def ensure_board_workspace(kern, report=None) -> Workspace | None:
    page = BoardAreaPage.objects.child_of(kern).first()
    if page is None:
        return None
    workspace = Workspace.objects.filter(page=page).first()
    if workspace is None:
        workspace = new_workspace(
            WorkspaceKind.BOARD,
            page,
            kern.get_parent(),
            board_group_name(kern),
            broker_group_name=f"{kern.title} – gebiedsmakelaar",
        )
        if report is not None:
            report.add(f"board workspace {workspace.name}")
    sync_restrictions(workspace)
    sync_area_broker(kern)
    overleg = overleg_workspace(kern.get_parent())
    if overleg is not None and not overleg.access_groups.filter(pk=workspace.member_group_id):
        overleg.access_groups.add(workspace.member_group)
        sync_restrictions(overleg)
    return workspace


def overleg_workspace(home) -> Workspace | None:
    page = DorpenoverlegPage.objects.child_of(home).first()
    return Workspace.objects.filter(page=page).first() if page else None


@transaction.atomic
def ensure_municipality(home, report=None) -> None:
    """The group "Gebiedsmakelaars" and the dorpenoverleg's workspace."""
    brokers = brokers_group(home)
    page = DorpenoverlegPage.objects.child_of(home).first()
    if page is None:
        return
    workspace = Workspace.objects.filter(page=page).first()
    if workspace is None:
        name = f"Dorpenoverleg {home.specific.municipality_name}"
        member_group = unique_group(name, owned_by_a_workspace)
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


#: What the municipality's comms group may do with organisations in the admin.
ORGANISATION_PERMISSIONS = ("view", "add", "change", "delete")


def grant_organisation_admin(home, report=None) -> None:
    """The municipality's "Communicatie" group manages its organisations and their members
    in the admin (Member area → Organisations). Its group comes from ``news`` through the
    ``COMMS_GROUP`` bridge; without it, nothing to do. Idempotent."""
    comms_group = get_bridge(COMMS_GROUP)
    group = comms_group(home) if comms_group else None
    if group is None:
        return
    content_type = ContentType.objects.get_for_model(Organisation)
    codenames = [f"{action}_organisation" for action in ORGANISATION_PERMISSIONS]
    permissions = Permission.objects.filter(content_type=content_type, codename__in=codenames)
    missing = permissions.exclude(group=group)
    if missing.exists():
        group.permissions.add(*missing)
        if report is not None:
            report.add(f"organisation permissions for {group.name}")


def move_board(kern, old_home, new_home, report, dry_run) -> None:
    """Hook ``kern_moved`` (kernen/herindeling): the kern's board leaves the old dorpenoverleg
    and joins the new one, its private collection moves into the new municipality's
    collection, and its gebiedsmakelaar joins the new municipality's gebiedsmakelaars."""
    page = BoardAreaPage.objects.descendant_of(kern).first()
    workspace = Workspace.objects.filter(page=page).first() if page else None
    if workspace is None:
        return
    old_overleg, new_overleg = overleg_workspace(old_home), overleg_workspace(new_home)
    report.add(
        "members",
        _("%(board)s (%(members)s members) leaves %(old)s and joins %(new)s")
        % {
            "board": workspace.name,
            "members": workspace.memberships.count(),
            "old": old_overleg.name if old_overleg else "-",
            "new": new_overleg.name if new_overleg else "-",
        },
    )
    if dry_run:
        return
    if old_overleg is not None:
        old_overleg.access_groups.remove(workspace.member_group)
        sync_restrictions(old_overleg)
    workspace.collection.move(collection_parent_of(new_home), pos="sorted-child")
    if workspace.name != workspace.member_group.name:  # renamed with the kern's groups
        workspace.name = workspace.member_group.name
        workspace.save(update_fields=["name"])
    ensure_board_workspace(kern)


def _board_pages(kernen):
    pages = BoardAreaPage.objects.none()
    for kern in kernen:
        pages = pages | BoardAreaPage.objects.child_of(kern)
    return pages
