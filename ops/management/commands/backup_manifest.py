import json
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops import backup


class Command(BaseCommand):
    help = (
        "Write a manifest of what the site holds (pages, users, uploaded files with checksums, "
        "rows per model). With --dump also write a pg_dump (custom format) of the same moment, "
        "with --media-archive a tarball of the uploads (PRIVATE_MEDIA_ROOT). `verify_restore` "
        "checks a restore against the manifest. ops/backup.sh runs all three."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path, help="where to write the manifest (JSON)")
        parser.add_argument("--dump", type=Path, help="also write a pg_dump here (PostgreSQL)")
        parser.add_argument(
            "--media-archive", type=Path, help="also archive the uploads (PRIVATE_MEDIA_ROOT) here"
        )

    def handle(self, *args, manifest, dump, media_archive, **options):
        if dump and connection.vendor != "postgresql":
            raise CommandError("--dump needs PostgreSQL (DATABASE_URL=postgres://…).")
        with backup.consistent_snapshot() if dump else nullcontext() as snapshot:
            if dump:
                backup.dump_database(dump, snapshot)
            content = backup.build_manifest()
        manifest.write_text(json.dumps(content, indent=1, sort_keys=True))
        if media_archive:
            backup.archive_media(media_archive)

        for key in backup.missing_files(content):
            self.stderr.write(f"Warning: {key} refers to a file that is not in the uploads.")
        self.stdout.write(
            f"Manifest {manifest}: {len(content['pages'])} pages, {len(content['users'])} users, "
            f"{len(content['files'])} files, {sum(content['counts'].values())} rows."
        )
