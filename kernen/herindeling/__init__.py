"""Herindeling: moving a kern to another municipality, and merging municipalities, without
losing anything (docs/operations.md#herindeling).

``move_kern(kern, new_home)`` and ``merge_municipality(source, target)`` check for conflicts
first (``HerindelingRefused``), then do everything in one transaction; with ``dry_run=True``
they return the same ``MoveReport`` and change nothing. Apps move their part along with the
``kern_moved`` hook (``KERN_MOVED``).
"""

from kernen.herindeling.merge import merge_municipality
from kernen.herindeling.move import KERN_MOVED, move_kern
from kernen.herindeling.report import HerindelingRefused, MoveReport

__all__ = ["KERN_MOVED", "HerindelingRefused", "MoveReport", "merge_municipality", "move_kern"]
