"""What other apps may do with the kernagenda."""

from django.db import transaction

from agenda.constants import Status
from agenda.tasks import notify_redactie_of_draft


def create_action_point(kern, title, summary, source_url=None, source_label=None, user=None):
    """Create a draft action point (status "idee") in ``kern``'s kernagenda and return it.

    Used, for example, to turn a decision of a board meeting into an action point; the
    kernagendagroep completes and publishes it in the admin: the audit log names ``user`` as
    its maker, and the kern's redactie get an e-mail once the transaction commits. Raises
    ``LookupError`` when the kern has no kernagenda.
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
        owner=user,  # Wagtail logs the creation in the owner's name
    )
    kernagenda.add_child(instance=point)
    point.save_revision(user=user, log_action=True)
    transaction.on_commit(lambda: notify_redactie_of_draft.enqueue(point.pk, user and user.pk))
    return point
