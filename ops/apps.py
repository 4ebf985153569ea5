from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: backups and the check of a restore (``backup_manifest``,
    ``verify_restore``); ``backup.sh`` and ``restore.sh`` run them with pg_dump/pg_restore."""

    name = "ops"
    verbose_name = _("Operations")
