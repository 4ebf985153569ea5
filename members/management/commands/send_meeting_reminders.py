from django.core.management.base import BaseCommand

from members.tasks import send_meeting_reminders


class Command(BaseCommand):
    help = (
        "E-mail the members of every workspace about the meetings of tomorrow. Run once a day "
        "(e.g. from cron at 08:00); a meeting is reminded of only once."
    )

    def handle(self, *args, **options):
        result = send_meeting_reminders.enqueue()
        self.stdout.write(f"Herinneringen ingepland ({result.status}).")
