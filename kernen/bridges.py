"""Services that one app offers to its sibling apps, which must not import each other: the
``kern_bridges`` hook.

The offering app declares its services in its ``wagtail_hooks.py``::

    @hooks.register("kern_bridges")
    def kern_bridges():
        return {CREATE_ACTION_POINT: create_action_point}

A hook function takes no arguments and returns a dict of a well-known name to a function; a
later hook that offers the same name replaces an earlier one. The using app asks for it by
that name when it needs it and gets ``None`` when no installed app offers it (so it can leave
the feature out instead of failing).

Known names:

- ``CREATE_ACTION_POINT``: ``(kern, title, summary, source_url, source_label) -> Page``, a draft
  action point in the kern's kernagenda (offered by ``agenda``, used by ``members`` to turn a
  minuted board decision into an action point). Raises ``LookupError`` when the kern has no
  kernagenda.
- ``COMMS_GROUP``: ``(home) -> Group | None``, the municipality's "Communicatie" group
  (offered by ``news``, which makes it; used by ``members`` to let it manage organisations).
"""

from collections.abc import Callable

from wagtail import hooks

HOOK = "kern_bridges"

CREATE_ACTION_POINT = "create_action_point"
COMMS_GROUP = "comms_group"


def get_bridge(name: str) -> Callable | None:
    found = None
    for declare in hooks.get_hooks(HOOK):
        found = declare().get(name, found)
    return found
