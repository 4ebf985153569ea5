from django.core.management.base import BaseCommand

from privacy.registry import purge


class Command(BaseCommand):
    help = (
        "Delete personal data past its retention period (sign-ups, registrations, form "
        "submissions, invitations, finished tasks, the search log, e-mail links). Run daily "
        "from cron."
    )

    def handle(self, *args, **options):
        for key, number in purge().items():
            self.stdout.write(f"{key}: {number}")
