from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KernagendaVersion(models.Model):
    """A published version of a kernagenda ("versie 2 – voorjaar 2026"): what was in it, with
    each point's status at that moment, kept readable after later versions."""

    kernagenda = models.ForeignKey(
        "agenda.KernagendaPage",
        verbose_name=_("kernagenda"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    name = models.CharField(_("name"), max_length=100)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    #: [{"id", "title", "theme", "status", "url", "joint"}] in the kernagenda's order.
    points = models.JSONField(_("action points"), default=list)

    class Meta:
        ordering = ["published_at", "pk"]
        get_latest_by = "published_at"
        verbose_name = _("kernagenda version")
        verbose_name_plural = _("kernagenda versions")

    def __str__(self):
        return self.name

    @property
    def points_by_id(self):
        return {point["id"]: point for point in self.points}
