from django.core.management.base import BaseCommand

from subscriptions.digest import send_digests


class Command(BaseCommand):
    help = (
        "E-mail every confirmed subscriber what was published for their kernen and kinds since "
        "their last digest. Run it from cron; running it again sends nothing twice, also after "
        "a run that stopped half-way."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Digests sent: {sent}.")
