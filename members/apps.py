from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Member area")

    def ready(self):
        # Imported here, not at the top: the receivers import models, which load after the apps.
        from members import signals

        signals.connect()
