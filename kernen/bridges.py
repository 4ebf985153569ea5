"""Services that one app offers to its sibling apps, which must not import each other.

The offering app registers a function under a well-known name in its ``AppConfig.ready``; the
using app asks for it by that name when it needs it and gets ``None`` when no installed app
offers it (so it can leave the feature out instead of failing).

Known names:

- ``CREATE_ACTION_POINT``: ``(kern, title, summary, source_url, source_label) -> Page``, a draft
  action point in the kern's kernagenda (offered by ``agenda``, used by ``members`` to turn a
  minuted board decision into an action point). Raises ``LookupError`` when the kern has no
  kernagenda.
"""

from collections.abc import Callable

CREATE_ACTION_POINT = "create_action_point"

_bridges: dict[str, Callable] = {}


def register_bridge(name: str, function: Callable) -> None:
    _bridges[name] = function


def get_bridge(name: str) -> Callable | None:
    return _bridges.get(name)
