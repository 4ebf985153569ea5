"""An urgent page (a work notice marked "urgent") goes out at once, in the background, after
the publishing transaction has committed."""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published

from subscriptions.sources import sources_for_model
from subscriptions.tasks import send_urgent


@receiver(page_published, dispatch_uid="subscriptions.urgent")
def send_urgent_pages(sender, instance, **kwargs):
    for source in sources_for_model(instance._meta.label):
        if source.urgent is not None and source.urgent(instance):
            transaction.on_commit(partial(send_urgent.enqueue, instance.pk, source.name))
