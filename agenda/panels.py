"""What the kernagenda shows on a kern page: its action points per status, in one query."""

from agenda.constants import Status
from agenda.queries import action_points_for_kern, status_counts

KERNAGENDA_SLUG = "kernagenda"


def kernagenda_panel(kern, request):
    counts = status_counts(action_points_for_kern(kern))
    if not counts:
        return None
    return {
        "counts": [
            {"status": status, "label": label, "number": counts[status]}
            for status, label in Status.choices
            if counts.get(status)
        ],
        "total": sum(counts.values()),
        "url": f"{kern.url}{KERNAGENDA_SLUG}/" if kern.url else None,
        "kern": kern,
    }
