import json

from django.core.management.base import BaseCommand
from django.test import Client

from bench.measure import measure_site, page_urls, profile_url


class Command(BaseCommand):
    help = (
        "Measure render time, SQL queries and bytes of every page type and the cost of "
        "publishing a notice to all kernen, on the current database (used by `make bench`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Write the JSON here (default: standard output).")
        parser.add_argument("--samples", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--no-publish", action="store_true")
        parser.add_argument(
            "--urls", help="A JSON file {page type: URL} to measure (default: chosen here)."
        )
        parser.add_argument(
            "--profile",
            metavar="PAGE_TYPE",
            help="Profile this page type (e.g. kern, kernagendas) instead of measuring: the "
            "functions with the most cumulative time over --samples requests.",
        )
        parser.add_argument("--top", type=int, default=25, help="Functions --profile shows.")

    def handle(self, *args, output, samples, warmup, no_publish, urls, profile, top, **options):
        if urls:
            with open(urls) as handle:
                urls = json.load(handle)
        if profile:
            url = (urls or page_urls())[profile]
            self.stdout.write(profile_url(Client(), url, warmup=warmup, samples=samples, top=top))
            return
        result = measure_site(
            warmup=warmup, samples=samples, publish=not no_publish, urls=urls or None
        )
        text = json.dumps(result, indent=2)
        if output:
            with open(output, "w") as handle:
                handle.write(text)
        else:
            self.stdout.write(text)
