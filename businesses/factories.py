"""Factories of the businesses app. See docs/testing.md."""

import factory

from businesses.constants import Kind
from businesses.models import BusinessPage
from home.factories import PageFactory


class BusinessPageFactory(PageFactory):
    """A published business in a kern's businesses section (``parent=``)."""

    title = factory.Sequence(lambda n: f"Bakkerij {n}")
    kind = Kind.FOOD
    summary = "Vers brood en gebak, elke dag gebakken in het dorp."
    address = "Dorpsstraat 1"
    opening_hours = "ma–za 8:00–17:00"

    class Meta:
        model = BusinessPage
