import os

from django.conf import settings
from django.core.management.base import BaseCommand

from kernen.demo import load_demo
from kernen.indexing import deferred_indexing, deferred_reference_index
from portal.database import analyze

DEFAULT_PASSWORD = "kernen-demo"  # noqa: S105  (a local demo; set DEMO_PASSWORD to change)


class Command(BaseCommand):
    help = (
        "Load the West Betuwe demo: 26 kernen with their sections and content, and a login for "
        "every role. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD),
            help="Password for the demo accounts (default: $DEMO_PASSWORD or kernen-demo).",
        )
        parser.add_argument(
            "--base-url",
            default=settings.BASE_URL,
            help=(
                "The address the portal is served on, e.g. http://127.0.0.1:8101; links in "
                "e-mails, feeds and the API use it (default: BASE_URL, which `make run "
                "HOST=...` sets)."
            ),
        )

    def handle(self, *args, password, base_url, **options):
        # Each page indexed once, in bulk, instead of on every save.
        with deferred_indexing(), deferred_reference_index():
            result = load_demo(password, stdout=self.stdout, base_url=base_url)
        analyze()  # the planner's statistics still describe the empty database
        url = result["url"]
        self.stdout.write(self.style.SUCCESS(f"Demo West Betuwe: {result['kernen']} kernen."))
        lines = [
            "",
            f"  Portaal:  {url}/",
            f"  Beheer:   {url}/admin/",
            *(f"  {label}: {link}" for label, link in result["links"]),
            "",
            f"  Inloggen (alle accounts hebben hetzelfde wachtwoord: {password}):",
        ]
        width = max(len(role) for role, _username in result["logins"])
        lines += [
            f"  {role.ljust(width)}  {username} / {password}" for role, username in result["logins"]
        ]
        self.stdout.write("\n".join(lines) + "\n")
