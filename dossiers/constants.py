from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    FILE = "file", _("document")
    PHOTO = "photo", _("photo")
    NOTE = "note", _("note")


class AccessAction(models.TextChoices):
    VIEW = "view", _("viewed")
    DOWNLOAD = "download", _("downloaded")
    SUPPORT = "support", _("opened by support (admin)")
