from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Municipality portal")

    def ready(self):
        from PIL import Image

        # Pillow refuses to decode images above this (decompression bombs), also when
        # Wagtail makes renditions of images that were stored before the limit was lowered.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        import home.information  # noqa: F401  (its signal receivers)
        import home.locales  # noqa: F401  (signals: aliases, restrictions, the pages cache)
        from home.models import PortalSettings

        post_save.connect(_forget_portal_settings, sender=PortalSettings)
        post_delete.connect(_forget_portal_settings, sender=PortalSettings)


def _forget_portal_settings(sender, instance, **kwargs):
    from pagecache.invalidation import forget

    forget(f"portalsettings:{instance.site_id}")
