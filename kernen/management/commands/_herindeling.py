"""What the commands move_kern and merge_municipality share: finding a municipality and
printing a report."""

from django.core.management.base import CommandError

from wagtail.models import Locale

from home.models import HomePage


def find_municipality(name: str) -> HomePage:
    homes = HomePage.objects.filter(locale=Locale.get_default())
    home = homes.filter(municipality_name__iexact=name).first()
    if home is None:
        known = ", ".join(homes.order_by("title").values_list("municipality_name", flat=True))
        raise CommandError(f"Geen gemeente “{name}” gevonden; er zijn: {known}.")
    return home


def write_report(command, report) -> None:
    for heading, lines in report.sections():
        command.stdout.write(f"{heading}:")
        for line in lines:
            command.stdout.write(f"  - {line}")


STEPS = {
    "read": "pagina's gelezen",
    "moved": "pagina's verplaatst",
    "redirects": "doorverwijzingen gemaakt",
}


def write_progress(command):
    def progress(done: int, total: int, step: str) -> None:
        command.stdout.write(f"  {done}/{total} {STEPS.get(step, step)}")

    return progress
