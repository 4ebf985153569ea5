"""Copies of public images in MEDIA_ROOT go when their image may no longer be public
(``security.media``). Deleting a copy is always safe: the next request of a public image makes
it again."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from security import media


def _after_commit(function, *args):
    transaction.on_commit(partial(function, *args))


def image_saved(sender, instance, created, **kwargs):
    """A new collection, a new file or a new focal point: the old copies go (after the commit,
    so no request in between copies the old state back)."""
    if not created:
        _after_commit(media.unpublish, [instance.pk])


def collection_changed(sender, instance, **kwargs):
    """A view restriction added or changed, or a collection moved under a private one."""
    collection_id = (
        instance.collection_id if isinstance(instance, CollectionViewRestriction) else instance.pk
    )
    _after_commit(media.unpublish_collection, collection_id)


def rendition_deleted(sender, instance, **kwargs):
    name = instance.file.name
    if name:
        _after_commit(media.public_storage().delete, name)


def connect():
    Image = get_image_model()
    post_save.connect(image_saved, sender=Image, dispatch_uid="security_media_image")
    post_save.connect(
        collection_changed, sender=CollectionViewRestriction, dispatch_uid="security_media_cvr"
    )
    post_save.connect(collection_changed, sender=Collection, dispatch_uid="security_media_coll")
    post_delete.connect(
        rendition_deleted,
        sender=Image.get_rendition_model(),
        dispatch_uid="security_media_rendition",
    )
