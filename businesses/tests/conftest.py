"""Fixtures of the businesses app: two kernen with a place on the map, their editors, and
businesses in them."""

from decimal import Decimal

import pytest

from businesses.factories import BusinessPageFactory
from businesses.models import BusinessIndexPage


@pytest.fixture
def kern_beesd(make_kern):
    return make_kern(
        "Beesd", rollout_status="pilot", latitude=Decimal("51.888"), longitude=Decimal("5.192")
    )


@pytest.fixture
def kern_heukelum(make_kern):
    return make_kern(
        "Heukelum", rollout_status="pilot", latitude=Decimal("51.870"), longitude=Decimal("5.085")
    )


@pytest.fixture
def index_of():
    def get(kern):
        return BusinessIndexPage.objects.child_of(kern).get()

    return get


@pytest.fixture
def make_business(index_of):
    def make(kern, title="Bakkerij Van Rossum", **fields):
        fields.setdefault("latitude", kern.latitude)
        fields.setdefault("longitude", kern.longitude)
        return BusinessPageFactory(parent=index_of(kern), title=title, **fields)

    return make
