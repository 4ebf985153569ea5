import json

from django.core.management.base import BaseCommand

from bench.herindeling import measure


class Command(BaseCommand):
    help = (
        "Time moving a kern of --pages news items (and its English and Polish copies) to "
        "another municipality and back; prints the result as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=2000)

    def handle(self, *args, pages, **options):
        self.stdout.write(json.dumps(measure(pages, say=self.stdout.write)))
