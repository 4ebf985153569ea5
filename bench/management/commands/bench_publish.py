import json

from django.core.management.base import BaseCommand

from bench.editors import run_editors
from bench.measure import page_urls


class Command(BaseCommand):
    help = (
        "For the load test: editors (threads) publishing news and work notices for a while; "
        "prints the result as JSON. With --urls, prints the URL of every page type instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--editors", type=int, default=2)
        parser.add_argument("--duration", type=float, default=300)
        parser.add_argument("--interval", type=float, default=2, help="Seconds between two.")
        parser.add_argument("--urls", action="store_true")

    def handle(self, *args, editors, duration, interval, urls, **options):
        if urls:
            self.stdout.write(json.dumps(page_urls()))
            return
        result = run_editors(editors=editors, duration=duration, interval=interval)
        self.stdout.write(json.dumps(result))
