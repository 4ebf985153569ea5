"""What a backup must bring back, written down so that a restore can be checked.

A *manifest* is a JSON description of what the live site holds: every page (id, URL path,
type, live or not, latest revision), every user (name, active, superuser, groups and a
fingerprint of e-mail address and password hash), every uploaded file that a model refers to
(documents, images, renditions, form uploads: name, size, SHA-256) and the number of rows of
every model. ``backup_manifest`` writes it next to the ``pg_dump`` and the media archive;
``verify_restore`` builds the same description from a restored database and media folder and
lists every difference. See docs/operations.md.
"""

import hashlib
import os
import subprocess
import tarfile
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.utils import timezone

from wagtail.models import Page

MANIFEST_VERSION = 1
CHUNK = 1024 * 1024


def _sha256(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fingerprint(*values):
    return hashlib.sha256("\x1f".join(str(value) for value in values).encode()).hexdigest()


def _concrete_models():
    return sorted(
        (model for model in apps.get_models() if model._meta.managed and not model._meta.proxy),
        key=lambda model: model._meta.label_lower,
    )


def _pages():
    rows = Page.objects.order_by("path").values_list(
        "pk",
        "url_path",
        "content_type__app_label",
        "content_type__model",
        "live",
        "latest_revision_id",
    )
    return {
        str(pk): {
            "url_path": url_path,
            "type": f"{app_label}.{model}",
            "live": live,
            "latest_revision": revision,
        }
        for pk, url_path, app_label, model, live, revision in rows
    }


def _users():
    users = get_user_model().objects.order_by("pk").prefetch_related("groups")
    return {
        str(user.pk): {
            "username": user.get_username(),
            "is_active": user.is_active,
            "is_superuser": user.is_superuser,
            "groups": sorted(group.name for group in user.groups.all()),
            # Whether address and password came back, without writing either down.
            "fingerprint": _fingerprint(user.email, user.password),
        }
        for user in users
    }


def _files():
    """Every file a row refers to, keyed ``app.model:pk:field``."""
    files = {}
    for model in _concrete_models():
        fields = [field for field in model._meta.fields if isinstance(field, models.FileField)]
        for field in fields:
            rows = (
                model._base_manager.exclude(**{field.name: ""})
                .exclude(**{f"{field.name}__isnull": True})
                .values_list("pk", field.attname)
                .order_by("pk")
            )
            for pk, name in rows:
                key = f"{model._meta.label_lower}:{pk}:{field.name}"
                storage = field.storage
                if storage.exists(name):
                    size, digest = storage.size(name), _sha256(storage, name)
                    entry = {"name": name, "size": size, "sha256": digest}
                else:
                    entry = {"name": name, "size": None, "sha256": None}
                files[key] = entry
    return files


def _counts():
    return {model._meta.label_lower: model._base_manager.count() for model in _concrete_models()}


def build_manifest():
    """A description of the current database and media (see the module docstring)."""
    return {
        "version": MANIFEST_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "pages": _pages(),
        "users": _users(),
        "files": _files(),
        "counts": _counts(),
    }


def missing_files(manifest):
    """Files that rows refer to but that were not in the media folder when it was written."""
    return sorted(key for key, entry in manifest["files"].items() if entry["sha256"] is None)


def _describe(section, key, entry):
    if section == "pages":
        return f"page {key} {entry['url_path']}"
    if section == "users":
        return f"user {key} {entry['username']!r}"
    if section == "files":
        return f"file {entry['name']} ({key})"
    return f"{key}"


def compare(expected, actual):
    """Every difference between two manifests, as lines of text (empty: the same)."""
    problems = []
    for section in ("pages", "users", "files"):
        want, have = expected[section], actual[section]
        for key, entry in want.items():
            if key not in have:
                problems.append(f"missing {_describe(section, key, entry)}")
            elif have[key] != entry:
                changed = sorted(name for name in entry if have[key].get(name) != entry[name])
                what = ", ".join(changed)
                problems.append(f"different {_describe(section, key, entry)}: {what}")
        for key in sorted(set(have) - set(want)):
            problems.append(f"unexpected {_describe(section, key, have[key])}")
    want, have = expected["counts"], actual["counts"]
    for label in sorted(set(want) | set(have)):
        if want.get(label) != have.get(label):
            problems.append(
                f"count of {label}: {have.get(label, 'no table')} "
                f"instead of {want.get(label, 'no table')}"
            )
    return problems


def _pg_environment():
    """Arguments and environment that point libpq's tools at the default database."""
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    environment = dict(os.environ)
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    return args, environment


@contextmanager
def consistent_snapshot():
    """A read-only transaction whose snapshot ``pg_dump --snapshot`` can share (PostgreSQL):
    the manifest then describes exactly what the dump holds, however busy the site is."""
    connection.ensure_connection()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
        yield snapshot


def dump_database(path, snapshot):
    """``pg_dump`` in custom format of the default database, as of ``snapshot``."""
    args, environment = _pg_environment()
    command = ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}"]
    # Arguments from the settings, no shell: nothing a visitor controls.
    subprocess.run([*command, *args, "--file", str(path)], env=environment, check=True)  # noqa: S603


def uploads_root():
    """The folder of every uploaded file: the default storage's (PRIVATE_MEDIA_ROOT), not
    MEDIA_ROOT, which only holds copies of public images (security/media.py)."""
    return getattr(default_storage, "location", settings.MEDIA_ROOT)


def archive_media(path):
    """A gzipped tarball of the uploads (paths relative to their folder)."""
    media_root = uploads_root()
    with tarfile.open(path, "w:gz") as archive:
        if os.path.isdir(media_root):
            for name in sorted(os.listdir(media_root)):
                archive.add(os.path.join(media_root, name), arcname=name)
