"""Where the URLs under a moved kern's old address went: the fallback for the sub-URLs no
exact redirect can name (a version, a meeting, a cancel link with its token, a listing's
query string). See kernen/herindeling/fallback.py and docs/operations.md#herindeling."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site


class MovedPath(models.Model):
    """``old_prefix`` on ``site`` (``/heukelum/``, ``/en/heukelum/``) now lives at
    ``new_prefix`` on ``new_site``; written by a move in its transaction."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    old_prefix = models.CharField(max_length=255)
    new_site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    new_prefix = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("moved path")
        verbose_name_plural = _("moved paths")
        constraints = [
            models.UniqueConstraint(fields=["site", "old_prefix"], name="unique_moved_path")
        ]

    def __str__(self):
        return f"{self.old_prefix} → {self.new_prefix}"
