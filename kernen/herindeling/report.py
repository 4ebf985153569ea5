"""What a move or merge changes (the dry run shows it; the real run does it), and the refusal."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

#: The headings of a report, in the order they are shown.
SECTIONS = {
    "pages": _("Pages"),
    "collections": _("Collections"),
    "groups": _("Groups"),
    "redirects": _("Redirects"),
    "subscribers": _("Subscribers"),
    "members": _("Member area"),
    "site": _("Site"),
}


class HerindelingRefused(Exception):
    """A conflict found before anything changed; ``messages`` say what and how to solve it."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(str(message) for message in messages))
        self.messages = [str(message) for message in messages]


@dataclass
class MoveReport:
    """Lines per section (``SECTIONS``), counts, and room for the apps' hooks (``shared``)."""

    dry_run: bool = False
    lines: dict[str, list[str]] = field(default_factory=dict)
    #: Apps keep their own state for one move or merge here (e.g. whom to notify once).
    shared: dict = field(default_factory=dict)
    #: Called as progress(done, total, step) every 100 pages or redirects; step is "read"
    #: (old URLs collected), "moved" (pages moved) or "redirects" (redirects made).
    progress: Callable[[int, int, str], None] | None = None

    def add(self, section: str, text) -> None:
        self.lines.setdefault(section, []).append(str(text))

    def tick(self, done: int, total: int, step: str = "read", *, always=False) -> None:
        if self.progress is not None and (always or done % 100 == 0 or done == total):
            self.progress(done, total, step)

    def sections(self) -> list[tuple[str, list[str]]]:
        """(heading, lines) in the order of ``SECTIONS``."""
        return [(str(SECTIONS[key]), self.lines[key]) for key in SECTIONS if key in self.lines]
