"""Versions of a kernagenda: a snapshot of its action points at publication, and what changed
between two snapshots."""

from dataclasses import dataclass, field

from django.db import transaction

from agenda.constants import Status
from agenda.models.versions import KernagendaVersion
from agenda.queries import action_points_for_kern


def snapshot(kernagenda, kern):
    points = (
        action_points_for_kern(kern)
        .select_related("theme")
        .order_by("theme__sort_order", "theme__name", "title")
    )
    return [
        {
            "id": point.pk,
            "title": point.title,
            "theme": point.theme.name if point.theme_id else "",
            "status": point.status,
            "url": point.get_url(),
            "joint": point.kern_id != kern.pk,
        }
        for point in points
    ]


@transaction.atomic
def publish_version(kernagenda, name, *, user=None):
    """Keep the kernagenda as it is now as version ``name``."""
    kern = kernagenda.get_parent().specific
    version = KernagendaVersion.objects.create(
        kernagenda=kernagenda, name=name, points=snapshot(kernagenda, kern)
    )
    return version


@dataclass
class Changes:
    added: list = field(default_factory=list)
    finished: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)

    @property
    def any(self):
        return bool(self.added or self.finished or self.changed or self.removed)


def compare(old_points, new_points):
    """What changed from ``old_points`` to ``new_points`` (lists of snapshot dicts)."""
    old = {point["id"]: point for point in old_points}
    new = {point["id"]: point for point in new_points}
    changes = Changes()
    for point_id, point in new.items():
        before = old.get(point_id)
        if before is None:
            changes.added.append(point)
        elif point["status"] == Status.DONE and before["status"] != Status.DONE:
            changes.finished.append({**point, "status_before": before["status"]})
        elif point["status"] != before["status"] or point["title"] != before["title"]:
            changes.changed.append(
                {**point, "status_before": before["status"], "title_before": before["title"]}
            )
    changes.removed = [point for point_id, point in old.items() if point_id not in new]
    return changes
