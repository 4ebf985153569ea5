"""Writes of the dossier beyond a form's ``save()``: signing up, deleting an item with its
file, revoking a share, the access log, and erasing a resident's dossiers."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from dossiers.constants import AccessAction
from dossiers.models import Dossier, DossierAccess, DossierItem, DossierShare


def create_account(email: str, payload: dict):
    """The resident's account after the confirmation click (user name: the e-mail address);
    ``None`` when an account with this address was made meanwhile."""
    users = get_user_model().objects
    if users.filter(email__iexact=email).exists() or users.filter(username=email).exists():
        return None
    user = users.create_user(
        username=email,
        email=email,
        first_name=payload.get("first_name", ""),
        last_name=payload.get("last_name", ""),
    )
    user.password = payload["password"]  # the hash made when the form was sent
    user.save(update_fields=["password"])
    return user


def delete_file(item: DossierItem) -> None:
    if item.file:
        name, storage = item.file.name, item.file.storage
        transaction.on_commit(lambda: storage.delete(name))


def delete_item(item: DossierItem) -> None:
    delete_file(item)
    item.delete()


def delete_dossier(dossier: Dossier) -> None:
    for item in dossier.items.exclude(file=""):
        delete_file(item)
    dossier.delete()


def revoke(share: DossierShare) -> None:
    """Stop a share at once (a conditional update: revoking twice keeps the first time)."""
    DossierShare.objects.filter(pk=share.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def log_access(viewer, dossier, *, share=None, item=None, action=AccessAction.VIEW):
    """One line in the owner's access log; the owner's own looks are not logged."""
    if viewer.is_authenticated and viewer.pk == dossier.owner_id:
        return None
    return DossierAccess.objects.create(
        dossier=dossier,
        item=item,
        item_title=item.title if item else "",
        share=share,
        viewer=viewer if viewer.is_authenticated else None,
        action=action,
    )


def erase_dossiers(user) -> None:
    """With the account (AVG): the resident's dossiers, items, files, shares and logs. Shares
    the resident received go with the account through their foreign key."""
    for dossier in Dossier.objects.filter(owner=user):
        delete_dossier(dossier)
