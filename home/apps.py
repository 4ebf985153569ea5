from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from PIL import Image


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Municipality portal")

    def ready(self):
        # Pillow refuses to decode images above this (decompression bombs), also when
        # Wagtail makes renditions of images that were stored before the limit was lowered.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        # Imported here, not at the top: the receivers import models, which load after the apps.
        from home import information, locales, signals  # noqa: F401
