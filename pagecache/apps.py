from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: the receivers and rules use models, which load after the apps.
        from pagecache import rules, signals

        signals.connect()
        # What the other apps declare with the ``pagecache_invalidation`` hook.
        rules.apply()
