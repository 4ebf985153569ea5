from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from security import twofactor


class Command(BaseCommand):
    help = (
        "Remove the two-factor devices (app and backup codes) of a user who lost them; "
        "they set up a new app at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        count = twofactor.reset(user)
        self.stdout.write(f"Removed {count} device(s) of {username}.")
