from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kernen.herindeling import HerindelingRefused, move_kern
from kernen.management.commands._herindeling import (
    find_municipality,
    write_progress,
    write_report,
)
from kernen.models import KernPage


class Command(BaseCommand):
    help = (
        "Move a kern with all its pages (in every language), groups, collection and board "
        "to another municipality; every old URL redirects to the new one. See "
        "docs/operations.md#herindeling."
    )

    def add_arguments(self, parser):
        parser.add_argument("kern", help='The kern, by name or slug, e.g. "Heukelum".')
        parser.add_argument("--from", dest="source", required=True, help="Its municipality now.")
        parser.add_argument("--to", dest="target", required=True, help="Its new municipality.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only show what would change; change nothing."
        )

    def handle(self, *args, kern, source, target, dry_run, **options):
        with translation.override("nl"):
            old_home, new_home = find_municipality(source), find_municipality(target)
            page = (
                KernPage.objects.child_of(old_home).filter(title__iexact=kern).first()
                or KernPage.objects.child_of(old_home).filter(slug=kern).first()
            )
            if page is None:
                raise CommandError(f"{old_home.municipality_name} heeft geen kern “{kern}”.")
            try:
                report = move_kern(page, new_home, dry_run=dry_run, progress=write_progress(self))
            except HerindelingRefused as refused:
                raise CommandError(
                    "Niet verplaatst:\n" + "\n".join(f"  - {m}" for m in refused.messages)
                ) from None
            write_report(self, report)
            if dry_run:
                self.stdout.write("Proefdraai: er is niets veranderd.")
            else:
                self.stdout.write(
                    self.style.SUCCESS(f"{page.title} hoort nu bij {new_home.municipality_name}.")
                )
