"""Backups: the manifest, the restore check, and (on PostgreSQL) ops/backup.sh and
ops/restore.sh end to end into a fresh database and media folder."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest
from wagtail_factories import ImageFactory

from ops.backup import build_manifest, compare

ROOT = Path(__file__).resolve().parents[2]
FILE_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "public_media": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def media(settings, tmp_path):
    settings.STORAGES = FILE_STORAGE
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def content(media, beesd, heukelum, make_user):
    """Pages, users in groups, a document file and an image file."""
    make_user("redactie-beesd", beesd.editors_group, email="redactie@beesd.example")
    make_user("bestuur-heukelum", email="bestuur@heukelum.example")
    document = get_document_model()(title="Jaarverslag 2025", collection=beesd.collection)
    document.file.save("jaarverslag-2025.txt", ContentFile(b"Jaarverslag van Beesd\n" * 50))
    ImageFactory(title="Dorpsplein", collection=beesd.collection)
    return document


def test_a_manifest_lists_pages_users_files_and_counts(content, beesd):
    manifest = build_manifest()

    assert manifest["pages"][str(beesd.pk)]["url_path"] == beesd.url_path
    assert {user["username"] for user in manifest["users"].values()} == {
        "redactie-beesd",
        "bestuur-heukelum",
    }
    document_file = manifest["files"][f"wagtaildocs.document:{content.pk}:file"]
    assert document_file["size"] == content.file.size
    assert len(document_file["sha256"]) == 64
    assert any(key.startswith("wagtailimages.image:") for key in manifest["files"])
    assert manifest["counts"]["wagtailcore.page"] == Page.objects.count()
    # Addresses and password hashes are not written down, only a fingerprint of them.
    assert "redactie@beesd.example" not in json.dumps(manifest)


def test_verify_restore_passes_on_the_same_site_and_names_every_difference(
    content, beesd, heukelum, tmp_path, capsys
):
    path = tmp_path / "manifest.json"
    call_command("backup_manifest", path)
    call_command("verify_restore", path)
    assert "Restore complete" in capsys.readouterr().out

    heukelum.delete()
    content.file.storage.delete(content.file.name)
    with content.file.storage.open(ImageFactory._meta.model.objects.get().file.name, "wb") as f:
        f.write(b"not the picture")
    with pytest.raises(CommandError, match="Restore incomplete"):
        call_command("verify_restore", path)
    report = capsys.readouterr().err
    assert f"missing page {heukelum.pk} {heukelum.url_path}" in report
    assert "different file original_images/" in report
    assert f"different file {content.file.name}" in report
    assert "count of wagtailcore.page" in report


def test_a_manifest_of_another_site_lists_what_is_extra():
    expected = {"pages": {}, "users": {}, "files": {}, "counts": {"auth.user": 1}}
    actual = {
        "pages": {"7": {"url_path": "/home/extra/"}},
        "users": {},
        "files": {},
        "counts": {"auth.user": 1},
    }
    assert compare(expected, actual) == ["unexpected page 7 /home/extra/"]


def test_verify_restore_refuses_a_file_that_is_not_a_manifest(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="Cannot read the manifest"):
        call_command("verify_restore", path)


# --- end to end on PostgreSQL ---------------------------------------------------------------


def _url(name):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db.get('PORT') or 5432}/{name}"


def _run(command, database_url, media_root):
    """``media_root``: the uploads folder (PRIVATE_MEDIA_ROOT of the commands)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url,
        "PRIVATE_MEDIA_ROOT": str(media_root),
        "MEDIA_ROOT": str(media_root.parent / f"{media_root.name}-public"),
        "PYTHON": sys.executable,
    }
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)  # noqa: S603


@pytest.fixture
def restore_database():
    """A new, empty PostgreSQL database, dropped afterwards."""
    name = f"kp_restore_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.slow
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump and pg_restore need PostgreSQL (set DATABASE_URL=postgres://…)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_then_restore_into_an_empty_database_is_complete(
    content, media, restore_database, tmp_path
):
    backup = tmp_path / "backup"
    done = _run(["ops/backup.sh", str(backup)], _url(connection.settings_dict["NAME"]), media)
    assert done.returncode == 0, done.stderr
    assert {path.name for path in backup.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "manifest.json",
        "SHA256SUMS",
    }

    restored_media = tmp_path / "restored-media"
    done = _run(["ops/restore.sh", str(backup)], restore_database, restored_media)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Restore complete: " in done.stdout
    assert (restored_media / content.file.name).read_bytes() == content.file.open().read()

    # A second restore into the same (now full) database is refused.
    done = _run(["ops/restore.sh", str(backup)], restore_database, tmp_path / "other")
    assert done.returncode == 2
    assert "not empty" in done.stderr

    # Lose a user and a document file in the copy: the check fails and says what is missing.
    delete = "DELETE FROM auth_user WHERE username = 'bestuur-heukelum'"
    done = _run(["psql", restore_database, "-c", delete], restore_database, restored_media)
    assert done.returncode == 0, done.stderr
    (restored_media / content.file.name).unlink()
    check = [sys.executable, "manage.py", "verify_restore", str(backup / "manifest.json")]
    done = _run(check, restore_database, restored_media)
    assert done.returncode == 1
    assert "missing user" in done.stderr and "'bestuur-heukelum'" in done.stderr
    assert f"different file {content.file.name}" in done.stderr
    assert "count of auth.user: 1 instead of 2" in done.stderr
