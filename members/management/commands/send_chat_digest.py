from django.core.management.base import BaseCommand

from members.tasks import send_chat_digest


class Command(BaseCommand):
    help = (
        "E-mail each member once about the chat messages they have not read. Run once a day "
        "(e.g. from cron at 17:00); a second run on the same day sends nothing."
    )

    def handle(self, *args, **options):
        result = send_chat_digest.enqueue()
        self.stdout.write(f"Chatoverzicht ingepland ({result.status}).")
