from django.core.management.base import BaseCommand

from kernen.provisioning import provision_municipality


class Command(BaseCommand):
    help = "Create or complete a municipality: its home page, site and collection."

    def add_arguments(self, parser):
        parser.add_argument("name", help='The municipality, e.g. "West Betuwe".')
        parser.add_argument(
            "--hostname", help="The site's host name (default: the host of BASE_URL)."
        )
        parser.add_argument("--port", type=int, help="The site's port (default: BASE_URL's).")
        parser.add_argument("--default", action="store_true", help="Make it the default site.")

    def handle(self, *args, name, hostname, port, default, **options):
        home, report = provision_municipality(
            name, hostname=hostname, port=port, is_default_site=default
        )
        for line in report.created:
            self.stdout.write(f"  + {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{home.municipality_name}: {'bijgewerkt' if report.changed else 'al compleet'}."
            )
        )
