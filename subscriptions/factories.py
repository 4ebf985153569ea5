"""Factories of the e-mail subscriptions. See docs/testing.md."""

from datetime import timedelta

from django.utils import timezone

import factory

from subscriptions.constants import Kind
from subscriptions.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription of one address to ``kernen=[...]`` for ``kinds`` (all kinds
    unless given), confirmed ``confirmed_ago`` (a day) ago."""

    email = factory.Sequence(lambda n: f"inwoner{n}@example.nl")
    kinds = factory.Transformer(
        list(Kind.values), transform=lambda kinds: [str(kind) for kind in kinds]
    )
    confirmed_at = factory.LazyAttribute(
        lambda subscriber: timezone.now() - subscriber.confirmed_ago
    )
    digest_until = factory.LazyAttribute(lambda subscriber: subscriber.confirmed_at)

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    class Params:
        confirmed_ago = timedelta(days=1)

    @factory.post_generation
    def kernen(subscriber, create, extracted, **kwargs):
        if create and extracted:
            subscriber.kernen.set(extracted)
