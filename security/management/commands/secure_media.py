from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from security import media

LABELS = {
    "moved": "moved to PRIVATE_MEDIA_ROOT",
    "deleted": "deleted from MEDIA_ROOT (a copy; the private root has it)",
    "unreferenced": "moved to PRIVATE_MEDIA_ROOT/unreferenced/ (no row refers to it)",
}


class Command(BaseCommand):
    help = (
        "Leave in MEDIA_ROOT only copies of public images: uploads stored there before the "
        "private root existed move to PRIVATE_MEDIA_ROOT, copies of private images are deleted, "
        "files nothing refers to move to PRIVATE_MEDIA_ROOT/unreferenced/. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list what would be done")

    def handle(self, dry_run=False, **options):
        done = media.secure(default_storage, media.public_storage(), dry_run=dry_run)
        prefix = "would be " if dry_run else ""
        for action, names in done.items():
            for name in names:
                self.stdout.write(f"{name}: {prefix}{LABELS[action]}")
        self.stdout.write(
            ", ".join(f"{len(names)} {prefix}{action}" for action, names in done.items()) + "."
        )
