import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = (
        "Check that this database and the uploads (PRIVATE_MEDIA_ROOT) hold everything a "
        "manifest of `backup_manifest` lists: the same pages, users, files (by checksum) and "
        "rows per model. Exits with status 1 and lists every difference otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path, help="the manifest written with the backup")

    def handle(self, *args, manifest, **options):
        try:
            expected = json.loads(manifest.read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the manifest {manifest}: {error}") from error
        if expected.get("version") != backup.MANIFEST_VERSION:
            raise CommandError(f"{manifest} is not a manifest of this version of the portal.")

        problems = backup.compare(expected, backup.build_manifest())
        if problems:
            for line in problems:
                self.stderr.write(line)
            raise CommandError(
                f"Restore incomplete: {len(problems)} difference(s) with {manifest} "
                f"(written {expected['created_at']})."
            )
        self.stdout.write(
            f"Restore complete: {len(expected['pages'])} pages, {len(expected['users'])} users, "
            f"{len(expected['files'])} files and {sum(expected['counts'].values())} rows "
            f"as in {manifest}."
        )
