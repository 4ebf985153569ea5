"""The kernen app's models: the kern itself and the inspiration stories of the kernen."""

from kernen.models.inspiration import (
    InspirationGalleryImage,
    InspirationIndexPage,
    InspirationOverviewPage,
    InspirationPage,
    InspirationPageTag,
)
from kernen.models.kern import AreaBroker, KernPage
from kernen.models.moved import MovedPath

__all__ = [
    "AreaBroker",
    "InspirationGalleryImage",
    "InspirationIndexPage",
    "InspirationOverviewPage",
    "InspirationPage",
    "InspirationPageTag",
    "KernPage",
    "MovedPath",
]
