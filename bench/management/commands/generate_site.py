import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bench.generate import generate_site
from bench.generate import resume as resume_site
from news.models import NewsPage


class Command(BaseCommand):
    help = (
        "Fill the current database with a site of any size for benchmarks: news, activities, "
        "action points with updates, stories, work notices and board content. Uses the first "
        "municipality (a new one when there is none) and adds kernen when it has too few. "
        "The same seed gives the same site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kernen", type=int, default=26, help="Number of kernen (26).")
        parser.add_argument(
            "--pages-per-kern", type=int, default=2000, help="Pages per kern (2000)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (1).")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day dates are counted from, YYYY-MM-DD (today). The same seed and the "
            "same day give the same site.",
        )
        parser.add_argument("--no-index", action="store_true", help="Skip the search index.")
        parser.add_argument("--no-board", action="store_true", help="Skip board content.")
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Finish a run with this seed that was cut off after writing its pages: "
            "add the search index entries and board content it lacks.",
        )

    def handle(
        self, *args, kernen, pages_per_kern, seed, today, no_index, no_board, resume, **options
    ):
        if kernen < 1 or pages_per_kern < 1:
            raise CommandError("--kernen and --pages-per-kern must be at least 1.")
        if resume:
            result = resume_site(
                kernen=kernen, pages_per_kern=pages_per_kern, seed=seed, stream=self.stderr
            )
            for label, count in sorted(result.items()):
                self.stdout.write(f"  {label:<36} {count:>7}")
            return
        if NewsPage.objects.filter(slug__startswith=f"nieuws-{seed:x}-").exists():
            raise CommandError(
                f"This database already holds a site generated with seed {seed}. "
                "Use another --seed or an empty database."
            )
        today = today or timezone.localdate()
        started = time.monotonic()
        result = generate_site(
            kernen=kernen, pages_per_kern=pages_per_kern, seed=seed, today=today,
            index=not no_index, board=not no_board, stream=self.stderr,
        )  # fmt: skip
        for label, count in sorted(result.items()):
            self.stdout.write(f"  {label:<28} {count:>7}")
        pages = sum(count for label, count in result.items() if label.endswith("Page"))
        self.stdout.write(
            self.style.SUCCESS(f"{pages} pages in {time.monotonic() - started:.0f} s.")
        )
