"""Who may read a dossier or an item: decided here only, at every request.

The owner reads and changes everything. Anyone else reads only through a share that is active
now (not revoked, end date not passed): a share to them, to a workspace of the member area whose
own member group they are in (``Workspace.member_group``: the board, the project's or the
dorpenoverleg's members; not the other ``access_groups`` that may enter the workspace, such as
the gebiedsmakelaar, invited organisations or, for the dorpenoverleg, every kern's board), or
to an organisation whose group they are in. Unlike ``members.access.can_access``, a superuser
gets nothing extra: a dossier is the resident's, not the site's. Nobody but the owner ever
writes.

This app sits beside ``members`` and does not import it: the workspace and the organisation
are named by their FKs (``"members.Workspace"``, ``"members.Organisation"``) and the
membership tests are ORM lookups through them.
"""

from django.db.models import F, Q

from dossiers.models import Dossier, DossierItem, DossierShare


def is_owner(user, dossier: Dossier) -> bool:
    return user.is_authenticated and user.is_active and dossier.owner_id == user.pk


def target_filter(user) -> Q:
    """Shares whose target is ``user``: the user, a workspace whose own member group they are
    in, or an organisation they belong to."""
    return Q(user=user) | Q(workspace__member_group__user=user) | Q(organisation__group__user=user)


def shares_for(user):
    """The active shares ``user`` may read through (none for anonymous or inactive users)."""
    if not user.is_authenticated or not user.is_active:
        return DossierShare.objects.none()
    return DossierShare.objects.active().filter(target_filter(user))


def share_for_dossier(user, dossier: Dossier) -> DossierShare | None:
    """The active share of the whole ``dossier`` that ``user`` reads through, if any."""
    return shares_for(user).filter(dossier=dossier, item__isnull=True).first()


def share_for_item(user, item: DossierItem) -> DossierShare | None:
    """The active share that lets ``user`` read ``item``: of the item or of its dossier."""
    return (
        shares_for(user)
        .filter(Q(item=item) | Q(item__isnull=True), dossier_id=item.dossier_id)
        .order_by(F("item").asc(nulls_first=True))  # the whole dossier's share first
        .first()
    )


def readable_items(user, dossier: Dossier):
    """The items of ``dossier`` that ``user`` may read, and whether they may change them."""
    items = dossier.items.all()
    if is_owner(user, dossier):
        return items, True
    if share_for_dossier(user, dossier) is not None:
        return items, False
    shared = shares_for(user).filter(dossier=dossier, item__isnull=False).values("item")
    return items.filter(pk__in=shared), False


def shared_with(user):
    """Dossiers of others that ``user`` may read (all or some items)."""
    return (
        Dossier.objects.filter(pk__in=shares_for(user).values("dossier"))
        .exclude(owner=user)
        .select_related("owner")
    )
