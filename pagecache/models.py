from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingInvalidation(models.Model):
    """Page cache tags and cache keys that could not be invalidated because the cache did not
    answer (``pagecache/invalidation.py``). Kept in the database so that every app server
    applies them before it serves a page from the cache again; deleted once applied."""

    tags = models.JSONField(default=list)
    keys = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pending cache invalidation")
        verbose_name_plural = _("pending cache invalidations")

    def __str__(self):
        return f"{len(self.tags)} tags, {len(self.keys)} keys ({self.created_at:%Y-%m-%d %H:%M})"
