from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from home.models import HomePage
from kernen.constants import RolloutStatus
from kernen.provisioning import provision_kern


class Command(BaseCommand):
    help = (
        "Create or complete a kern: its page and sections, its editors group "
        '"<Kern> – redactie" and its collection. Safe to run again.'
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='The kern, e.g. "Beesd".')
        parser.add_argument(
            "--municipality",
            help="The municipality the kern belongs to; needed when there is more than one.",
        )
        parser.add_argument("--slug", help="URL part; derived from the name if left out.")
        parser.add_argument("--status", choices=RolloutStatus.values, default=RolloutStatus.PLANNED)

    def handle(self, *args, name, municipality, slug, status, **options):
        # A municipality is a Dutch home page; its English and Polish copies are the same one.
        homes = HomePage.objects.filter(locale=Locale.get_default()).order_by("title")
        if municipality:
            homes = homes.filter(municipality_name__iexact=municipality)
        homes = list(homes)
        if not homes:
            known = ", ".join(
                HomePage.objects.filter(locale=Locale.get_default()).values_list(
                    "municipality_name", flat=True
                )
            )
            raise CommandError(
                f"Geen gemeente “{municipality}” gevonden; er zijn: {known}."
                if municipality and known
                else "Geen gemeente gevonden. Maak die eerst aan met provision_municipality "
                "of laad de demo met load_demo."
            )
        if len(homes) > 1:
            names = ", ".join(home.municipality_name for home in homes)
            raise CommandError(
                f"Er zijn meerdere gemeenten ({names}): kies er een met --municipality."
            )
        kern, report = provision_kern(homes[0], name, slug=slug, rollout_status=status)
        for line in report.created:
            self.stdout.write(f"  + {line}")
        state = "aangemaakt of aangevuld" if report.changed else "al compleet, niets gewijzigd"
        self.stdout.write(self.style.SUCCESS(f"{kern.title} ({kern.url_path}): {state}."))
