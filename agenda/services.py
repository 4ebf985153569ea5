"""What other apps may do with the kernagenda."""

from agenda.constants import Status


def create_action_point(kern, title, summary, source_url=None, source_label=None):
    """Create a draft action point (status "idee") in ``kern``'s kernagenda and return it.

    Used, for example, to turn a decision of a board meeting into an action point; the
    kernagendagroep completes and publishes it in the admin. Raises ``LookupError`` when the
    kern has no kernagenda.
    """
    from agenda.models import ActionPointPage, KernagendaPage

    kernagenda = KernagendaPage.objects.child_of(kern).first()
    if kernagenda is None:
        raise LookupError(f"{kern} has no kernagenda")
    point = ActionPointPage(
        title=title,
        summary=summary,
        status=Status.IDEA,
        source_url=source_url or "",
        source_label=source_label or "",
        live=False,
    )
    kernagenda.add_child(instance=point)
    point.save_revision(log_action=True)
    return point
