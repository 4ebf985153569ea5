import os

from django.core.management.base import BaseCommand

from kernen.demo import ADMIN_USERNAME, EDITOR_USERNAME, MODERATOR_USERNAME, load_demo
from portal.database import analyze

DEFAULT_PASSWORD = "kernen-demo"  # noqa: S105  (a local demo; set DEMO_PASSWORD to change)


class Command(BaseCommand):
    help = (
        "Load the West Betuwe demo: 26 kernen with their sections and content, an admin and "
        "a demo editor for Beesd. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD),
            help="Password for the demo accounts (default: $DEMO_PASSWORD or kernen-demo).",
        )

    def handle(self, *args, password, **options):
        result = load_demo(password, stdout=self.stdout)
        analyze()  # the planner's statistics still describe the empty database
        self.stdout.write(self.style.SUCCESS(f"Demo West Betuwe: {result['kernen']} kernen."))
        self.stdout.write(
            "\n  Portaal:  http://127.0.0.1:8000/\n"
            "  Beheer:   http://127.0.0.1:8000/admin/\n"
            f"  Beheerder:        {ADMIN_USERNAME} / {password}\n"
            f"  Redactie Beesd:   {EDITOR_USERNAME} / {password}\n"
            f"  Moderator Heukelum: {MODERATOR_USERNAME} / {password}\n"
        )
