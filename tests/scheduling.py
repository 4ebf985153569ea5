"""How ``make test`` shares the tests between its processes (pytest-xdist, ``--dist loadgroup``).

Tests that use a slow fixture (the demo, all 26 kernen, the browser) carry an ``xdist_group``
mark (``conftest.py``): each group runs in one process, which builds the fixture once. xdist
reads the group from a suffix of the test's id, which pytest 9.2's structured ids no longer
carry (pytest-dev/pytest-xdist#1386). Here each test process writes, after collecting, every
test's group and whether it is transactional to a file the main process named; the main
process's scheduler reads it.

The order the units go out in matters as much: a transactional test empties the database when
it ends, and the tests after it in its process that expect the migrations' rows would fail
(pytest-django runs them last for that reason). So the groups of other tests go first, largest
first (a process builds the demo while the other runs single tests), then the single tests in
their collected order, then the transactional tests.
"""

import json
import os
import tempfile
from collections import OrderedDict
from pathlib import Path

import pytest

try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:  # pragma: no cover - requirements-dev.txt has it
    LoadScopeScheduling = None

WORKER_KEY = "kernenportaal_groups"


def group_of(item):
    """The test's xdist group, or None."""
    marker = item.get_closest_marker("xdist_group")
    if marker is None:
        return None
    return str(marker.args[0] if marker.args else marker.kwargs.get("name", "default"))


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.args))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """In the main process, for each test process: where to write what it collected."""
    config = node.config
    if not hasattr(config, "_kernenportaal_groups"):
        handle, path = tempfile.mkstemp(prefix="kernenportaal-groups-", suffix=".json")
        os.close(handle)
        config._kernenportaal_groups = Path(path)
    node.workerinput[WORKER_KEY] = str(config._kernenportaal_groups)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """In a test process, after every conftest has marked its groups."""
    path = getattr(config, "workerinput", {}).get(WORKER_KEY)
    if not path:
        return
    units = {item.nodeid: [group_of(item), is_transactional(item)] for item in items}
    # Every process writes the same content; each replaces the file whole.
    handle, temporary = tempfile.mkstemp(dir=Path(path).parent, suffix=".part")
    with os.fdopen(handle, "w") as file:
        json.dump(units, file)
    os.replace(temporary, path)


def pytest_unconfigure(config):
    path = getattr(config, "_kernenportaal_groups", None)
    if path is not None:
        path.unlink(missing_ok=True)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup" and LoadScopeScheduling is not None:
        return GroupScheduling(config, log)
    return None


if LoadScopeScheduling is not None:

    class GroupScheduling(LoadScopeScheduling):
        """xdist's load-scope scheduling with our groups as the scopes, in a safe order."""

        def __init__(self, config, log=None):
            super().__init__(config, log)
            self._units = None
            self._ordered = False

        def units(self):
            if self._units is None:
                path = getattr(self.config, "_kernenportaal_groups", None)
                text = path.read_text() if path is not None and path.exists() else ""
                self._units = json.loads(text) if text else {}
            return self._units

        def _split_scope(self, nodeid):
            group, _transactional = self.units().get(nodeid, (None, False))
            return f"group:{group}" if group else nodeid

        def _priority(self, unit):
            scope, nodeids = unit
            transactional = any(self.units().get(nodeid, (None, False))[1] for nodeid in nodeids)
            grouped = scope.startswith("group:")
            return (transactional, not grouped, -len(nodeids) if grouped else 0)

        def _assign_work_unit(self, node):
            if not self._ordered:  # the first unit: the queue is complete now
                self.workqueue = OrderedDict(sorted(self.workqueue.items(), key=self._priority))
                self._ordered = True
            super()._assign_work_unit(node)
