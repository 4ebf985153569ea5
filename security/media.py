"""Uploaded files: every one private, public images copied out on request.

Every upload (Wagtail's documents, image originals and renditions) is stored in the *private
root* (``STORAGES["default"]``, ``PRIVATE_MEDIA_ROOT``), which no web server serves. Their
URLs still read ``/media/<name>``; what answers is:

- the reverse proxy, from ``MEDIA_ROOT`` (``STORAGES["public_media"]``), when the file is there.
  ``MEDIA_ROOT`` only ever holds copies of *renditions of public images*, so it is safe to
  serve as a whole;
- otherwise :func:`serve`, which finds the image the file belongs to and checks the view
  restrictions of its collection (and, for the admin, the editor's permissions on it). A
  rendition of a public image is served and copied to ``MEDIA_ROOT`` ("published"), so the
  proxy serves it from then on; a private image is served to those who may see it and never
  copied; anything else (documents included: they are served by Wagtail's permission-checked
  ``/documenten/<id>/<name>``) is a 404.

A copy goes stale when its image turns private (moved to a private collection, a view
restriction added to its collection or above). The signal handlers in ``security.signals``
delete the copies of the images concerned (:func:`unpublish`) once the change is committed;
``manage.py secure_media`` checks and repairs everything at once. See docs/operations.md.
"""

import mimetypes
import os
import posixpath
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage, storages
from django.db.models import Q
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry

PUBLIC = "public_media"
#: Folders of Wagtail's image originals and renditions (``AbstractImage.get_upload_to``,
#: ``AbstractRendition.get_upload_to``). Only renditions are ever copied to ``MEDIA_ROOT``.
ORIGINALS = "original_images/"
RENDITIONS = "images/"
#: How long browsers and the proxy may keep a public image (a new version has a new name).
PUBLIC_MAX_AGE = 30 * 24 * 60 * 60


def public_storage():
    return storages[PUBLIC]


def rendition_model():
    return get_image_model().get_rendition_model()


# Who may see an image -------------------------------------------------------------------------


def private_collection_ids() -> set[int]:
    """Collections with a view restriction on themselves or on a collection above them."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    )
    query = Q(pk__in=[])
    for collection in restricted:
        query |= Q(path__startswith=collection.path)
    return set(Collection.objects.filter(query).values_list("pk", flat=True))


def is_public(image) -> bool:
    return not image.collection.get_view_restrictions().exists()


def may_view(request, image) -> bool:
    """The rules of Wagtail's document serve view for the image's collection (login, groups,
    password); editors who may change or choose the image in the admin see it there too."""
    restrictions = list(image.collection.get_view_restrictions())
    if all(restriction.accept_request(request) for restriction in restrictions):
        return True
    return policy_registry.get_by_type(get_image_model()).user_has_any_permission_for_instance(
        request.user, ["change", "choose"], image
    )


# The view -------------------------------------------------------------------------------------


def _image_of(name: str):
    """The image whose original or rendition is stored as ``name``, and whether it is a
    rendition; ``(None, False)`` for anything else."""
    Image = get_image_model()
    if name.startswith(ORIGINALS):
        return Image.objects.filter(file=name).select_related("collection").first(), False
    if name.startswith(RENDITIONS):
        rendition = (
            rendition_model().objects.filter(file=name).select_related("image__collection").first()
        )
        return (rendition.image if rendition else None), True
    return None, False


@require_safe
def serve(request, name):
    """``/media/<name>``: what the reverse proxy did not find in ``MEDIA_ROOT``."""
    if posixpath.normpath(name) != name or name.startswith(("/", "..")):
        raise Http404
    image, is_rendition = _image_of(name)
    if image is None or not default_storage.exists(name):
        raise Http404
    public = is_public(image)
    if not public and not may_view(request, image):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
        raise PermissionDenied
    if public and is_rendition:
        publish(name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


# Copies in MEDIA_ROOT -------------------------------------------------------------------------


def publish(name: str) -> None:
    """Copy the rendition ``name`` of a public image to ``MEDIA_ROOT``. On a folder the copy is
    written aside and renamed into place, so the proxy never serves half a file."""
    public = public_storage()
    if public.exists(name):
        return
    try:
        target = Path(public.path(name))
    except NotImplementedError:  # a storage without folders
        with default_storage.open(name, "rb") as source:
            saved = public.save(name, source)
        if saved != name:  # another request copied it meanwhile
            public.delete(saved)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        default_storage.open(name, "rb") as source,
        tempfile.NamedTemporaryFile(dir=target.parent, prefix=".copy-", delete=False) as copy,
    ):
        shutil.copyfileobj(source, copy)
    os.chmod(copy.name, settings.FILE_UPLOAD_PERMISSIONS or 0o644)
    os.replace(copy.name, target)


def unpublish(images) -> int:
    """Delete the copies in ``MEDIA_ROOT`` of the renditions of ``images`` (a queryset or ids).
    Returns how many there were."""
    public = public_storage()
    names = rendition_model().objects.filter(image__in=images).values_list("file", flat=True)
    removed = 0
    for name in names:
        if public.exists(name):
            public.delete(name)
            removed += 1
    return removed


def unpublish_collection(collection_id: int) -> int:
    """:func:`unpublish` the images of a collection and of every collection below it."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return 0
    return unpublish(
        get_image_model().objects.filter(collection__path__startswith=collection.path).values("pk")
    )


# Checking and repairing everything (manage.py secure_media) ------------------------------------


def uploaded_names() -> set[str]:
    """Every file name a document, image or rendition row refers to."""
    names = set()
    for model in (get_document_model(), get_image_model(), rendition_model()):
        names.update(model.objects.exclude(file="").values_list("file", flat=True))
    return names


def public_rendition_names() -> set[str]:
    """The files that may be in MEDIA_ROOT: renditions of images in public collections."""
    return set(
        rendition_model()
        .objects.exclude(image__collection__in=private_collection_ids())
        .values_list("file", flat=True)
    )


def secure(private, public, *, dry_run=False) -> dict[str, list[str]]:
    """Leave in ``public`` (MEDIA_ROOT) only copies of renditions of public images.

    An upload found only in ``public`` (stored before the private root existed) is moved to
    ``private``; a copy of anything else that ``private`` holds too is deleted; a file no row
    refers to is moved to ``private`` under ``unreferenced/``, so nothing is lost. Returns the
    names per action ("moved", "deleted", "unreferenced").
    """
    if getattr(private, "location", None) == getattr(public, "location", False):
        raise ValueError("The private and the public storage are the same folder.")
    uploaded, allowed = uploaded_names(), public_rendition_names()
    done = {"moved": [], "deleted": [], "unreferenced": []}
    for name in sorted(_walk(public)):
        if name in uploaded and private.exists(name):
            if name not in allowed:
                done["deleted"].append(name)
                if not dry_run:
                    public.delete(name)
            continue
        action, target = ("moved", name) if name in uploaded else ("unreferenced", None)
        if target is None:
            target = posixpath.join("unreferenced", name)
        done[action].append(name)
        if not dry_run:
            _move(name, target, public, private)
    return done


def _move(name, target, source_storage, target_storage):
    if not target_storage.exists(target):
        with source_storage.open(name, "rb") as source:
            saved = target_storage.save(target, source)
        if saved != target:
            target_storage.delete(saved)
            raise RuntimeError(f"Could not store {name} as {target}.")
    source_storage.delete(name)


def _walk(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield posixpath.join(folder, name) if folder else name
    for sub in folders:
        yield from _walk(storage, posixpath.join(folder, sub) if folder else sub)
