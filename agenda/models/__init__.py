from agenda.models.pages import (
    ActionPointPage,
    KernagendaOverviewPage,
    KernagendaPage,
    ProgressUpdate,
)
from agenda.models.participation import Interest, SignUp
from agenda.models.themes import Theme
from agenda.models.versions import KernagendaVersion

__all__ = [
    "ActionPointPage",
    "Interest",
    "KernagendaOverviewPage",
    "KernagendaPage",
    "KernagendaVersion",
    "ProgressUpdate",
    "SignUp",
    "Theme",
]
