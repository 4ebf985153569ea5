from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Security")

    def ready(self):
        # Imported here: the receivers and checks import models, which load after the apps.
        from security import checks, signals  # noqa: F401 (checks register themselves)

        signals.connect()
