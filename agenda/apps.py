from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Kernagenda")

    def ready(self):
        # Connects the signal receivers; they import models, which load after the apps.
        from agenda import signals  # noqa: F401
