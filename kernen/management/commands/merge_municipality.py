from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kernen.herindeling import HerindelingRefused, merge_municipality
from kernen.management.commands._herindeling import (
    find_municipality,
    write_progress,
    write_report,
)


class Command(BaseCommand):
    help = (
        "Merge a municipality into another: every kern moves, its news, work notices and "
        "projects move into the target's sections, and its site goes offline with every URL "
        "redirecting to the target. See docs/operations.md#herindeling."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help='The municipality that merges, e.g. "Lingewaal".')
        parser.add_argument("--into", dest="target", required=True, help="The one it joins.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only show what would change; change nothing."
        )

    def handle(self, *args, source, target, dry_run, **options):
        with translation.override("nl"):
            source_home, target_home = find_municipality(source), find_municipality(target)
            try:
                report = merge_municipality(
                    source_home, target_home, dry_run=dry_run, progress=write_progress(self)
                )
            except HerindelingRefused as refused:
                raise CommandError(
                    "Niet samengevoegd:\n" + "\n".join(f"  - {m}" for m in refused.messages)
                ) from None
            write_report(self, report)
            if dry_run:
                self.stdout.write("Proefdraai: er is niets veranderd.")
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{source_home.municipality_name} is samengevoegd met "
                        f"{target_home.municipality_name}."
                    )
                )
