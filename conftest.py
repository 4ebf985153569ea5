"""Fixtures shared by every app's tests: a provisioned municipality with kernen, and users."""

import io
import socket
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail import hooks

import pytest

from home import locales
from kernen.provisioning import provision_kern, provision_municipality
from tests import snapshots
from tests.snapshots import _settings_at_start_of_run, _snapshot_state, snapshot  # noqa: F401

# How `make test` shares the tests between its processes: the groups below, in a safe order.
pytest_plugins = ["tests.scheduling"]

snapshots.PROCESS_STATE.append(locales._locales)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: no page cached by one test is served in another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
@snapshot
def municipality(db):
    home, _report = provision_municipality("West Betuwe", is_default_site=True)
    return home


@pytest.fixture
@snapshot
def languages(settings, municipality):
    """English and Polish language trees (/en/, /pl/) next to the Dutch one, for the kernen
    provisioned so far and every kern provisioned after."""
    from kernen.models import KernPage

    settings.PROVISION_LANGUAGES = True
    provision_municipality("West Betuwe", is_default_site=True)
    for kern in KernPage.objects.child_of(municipality):
        provision_kern(municipality, kern.title, slug=kern.slug)
    return municipality


@pytest.fixture
def make_kern(municipality):
    """Provision a kern of West Betuwe (or of ``home=``) and return its page."""

    def make(name, home=None, **fields):
        kern, _report = provision_kern(home or municipality, name, **fields)
        return kern

    return make


@pytest.fixture
@snapshot
def beesd(make_kern):
    return make_kern("Beesd", rollout_status="pilot")


@pytest.fixture
@snapshot
def heukelum(make_kern):
    return make_kern("Heukelum", rollout_status="pilot")


@pytest.fixture
def make_user(db):
    def make(username, *groups, **fields):
        user = get_user_model().objects.create_user(
            username=username, password="correct-horse-battery", **fields
        )
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
@snapshot
def beesd_editor(make_user, beesd):
    return make_user("redactie-beesd", beesd.editors_group)


DEMO_PASSWORD = "demo-wachtwoord"


@pytest.fixture
@snapshot
def demo(db):
    """The whole West Betuwe demo (``manage.py load_demo``), built once per test process and
    replayed after that; returns what the command printed. The tests that use it run in one
    process (``GROUPED_FIXTURES``), so one process builds it in a run."""
    output = io.StringIO()
    call_command("load_demo", "--password", DEMO_PASSWORD, stdout=output)
    return output.getvalue()


@pytest.fixture
def count_queries():
    """Return a function that requests a URL after one warm-up request and returns
    (response, number of SQL queries). It counts rendering: the page cache is off."""

    def count(client, url):
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get(url)  # warm caches (site root paths), as a running server has them
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        return response, len(queries)

    return count


@pytest.fixture
def only_hooks(monkeypatch):
    """Return a function that, for one test, makes ``functions`` all that a Wagtail hook gives
    (none: as if no installed app registered it). ``hooks.register_temporarily`` adds a function
    to the apps' own; this replaces them."""

    def replace(hook_name, *functions):
        hooks.search_for_hooks()  # the apps' wagtail_hooks.py are loaded before, not after
        monkeypatch.setitem(hooks._hooks, hook_name, [(function, 0) for function in functions])

    return replace


@pytest.fixture
def closed_port():
    """A local TCP port where nothing listens: a service that is down (Redis, Elasticsearch,
    the mail server) refuses at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pytest_collection_modifyitems(items):
    """A transactional test empties the database when it ends (Wagtail's root page too), and
    one without ``serialized_rollback`` leaves rows that the next restoring test collides with:
    every transactional test restores the database. The tests of a slow fixture are grouped."""
    for item in items:
        grouped = [name for name in GROUPED_FIXTURES if name in getattr(item, "fixturenames", ())]
        if grouped and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(grouped[0]))
        marker = item.get_closest_marker("django_db")
        transactional = marker and marker.kwargs.get("transaction")
        if transactional and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )


#: Fixtures that take long to build the first time: the tests that use one run in one process,
#: which builds it once and replays it for the others (``make test`` uses --dist loadgroup, read
#: by ``tests/scheduling.py``).
GROUPED_FIXTURES = ("demo", "all_kernen")


def pytest_sessionstart(session):
    session.config._started_at = time.monotonic()


def pytest_terminal_summary(terminalreporter, config):
    """The run in one line: how many tests ran, how, and how long the whole run took."""
    counts = {
        outcome: len(terminalreporter.stats.get(outcome, []))
        for outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed")
    }
    seconds = time.monotonic() - config._started_at
    done = ", ".join(f"{number} {outcome}" for outcome, number in counts.items() if number)
    terminalreporter.write_sep("=", "run", bold=True)
    terminalreporter.write_line(
        f"{sum(counts.values())} tests ({done or 'none'}) in {seconds // 60:.0f} min "
        f"{seconds % 60:.0f} s wall time"
    )
    if not hasattr(config, "workerinput") and any(snapshots.stats.values()):
        terminalreporter.write_line(snapshots.summary())


def pytest_sessionfinish(session):
    if hasattr(session.config, "workerinput"):  # an xdist worker: report to the controller
        session.config.workeroutput["snapshots"] = dict(snapshots.stats)
        session.config.workeroutput["snapshots_ran"] = dict(snapshots.ran)


def pytest_testnodedown(node, error):
    output = getattr(node, "workeroutput", {})
    for name, number in output.get("snapshots", {}).items():
        snapshots.stats[name] += number
    snapshots.ran.update(output.get("snapshots_ran", {}))
