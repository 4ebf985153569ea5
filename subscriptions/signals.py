"""An urgent page (a work notice marked "urgent") goes out at once, in the background, after
the publishing transaction has committed."""

from functools import partial

from django.db import transaction

from subscriptions.sources import sources_for_model


def send_urgent_pages(sender, instance, **kwargs):
    from subscriptions.tasks import send_urgent

    for source in sources_for_model(instance._meta.label):
        if source.urgent is not None and source.urgent(instance):
            transaction.on_commit(partial(send_urgent.enqueue, instance.pk, source.name))
