from django.core.management.base import BaseCommand, CommandError

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
        homes = HomePage.objects.all()
        if municipality:
            homes = homes.filter(municipality_name__iexact=municipality)
        homes = list(homes[:2])
        if not homes:
            raise CommandError(
                "Geen gemeente gevonden. Maak die eerst aan met provision_municipality "
                "of laad de demo met load_demo."
            )
        if len(homes) > 1:
            raise CommandError("Er zijn meerdere gemeenten: kies er een met --municipality.")
        kern, report = provision_kern(homes[0], name, slug=slug, rollout_status=status)
        for line in report.created:
            self.stdout.write(f"  + {line}")
        state = "aangemaakt of aangevuld" if report.changed else "al compleet, niets gewijzigd"
        self.stdout.write(self.style.SUCCESS(f"{kern.title} ({kern.url_path}): {state}."))
