"""Fixture snapshots: test data built once per test process, replayed as rows after that.

Provisioning a kern publishes some fifteen pages with revisions, search entries and log
entries; hundreds of tests ask for the same kernen. A fixture decorated with ``@snapshot``
runs for real the first time a worker needs it; its effect is recorded then: the rows it
inserted, changed and deleted in every table, the files its rows name, what it put in the
cache, the e-mails it sent, the settings it changed and the value it returned. Every later test
that asks for it *in the same state* gets that effect replayed inside its own transaction: a
few INSERT statements instead of the whole build, with the same primary keys, so the test sees
exactly what the fixture would have built.

"The same state" is the key of a recording: the fixture, its parameter, the recordings
replayed before it in this test (in order), the settings that differ from the start of the run
and whether the test is transactional. A test that wrote to the database before the fixture
ran in any other way (a fixture of its own, say) makes the fixture run for real: the state is
then unknown, and nothing is recorded or replayed.

``KERNENPORTAAL_SNAPSHOTS=off`` runs every fixture for real (to compare); ``verify`` replays
and then checks that every table holds exactly what the real run left behind.
"""

import collections
import copy
import dataclasses
import datetime
import functools
import hashlib
import inspect
import os
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.base import ContentFile
from django.db import connection, models, transaction

import pytest

MODE = os.environ.get("KERNENPORTAAL_SNAPSHOTS", "on")
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|TRUNCATE)\b", re.I)


# --- the database ---------------------------------------------------------------------------


@dataclass
class Table:
    name: str
    columns: list[str]
    key: list[int]  # positions of the primary key columns; all columns when there is none
    writable: list[int]  # positions of the columns an INSERT may set (not generated ones)


_tables: dict[str, list[Table]] = {}


def tables() -> list[Table]:
    """The tables of the test database, except those the database fills itself (SQLite's
    full-text tables and PostgreSQL's search vocabulary ``search_word``, kept up to date by
    triggers on the search index)."""
    cache_key = f"{connection.alias}:{connection.settings_dict['NAME']}"
    if cache_key not in _tables:
        _tables[cache_key] = list(_read_tables())
    return _tables[cache_key]


def _read_tables():
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        derived = set()
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = [row[0] for row in cursor.fetchall()]
            derived = {name for name in names for v in virtual if name.startswith(v)}
        else:
            derived = {"search_word"}  # search/migrations/0002_search_vocabulary.py
        for name in sorted(set(names) - derived):
            columns, generated = _columns(cursor, name)
            key_names = connection.introspection.get_primary_key_columns(cursor, name) or []
            key = [columns.index(column) for column in key_names] or list(range(len(columns)))
            writable = [index for index, column in enumerate(columns) if column not in generated]
            yield Table(name, columns, key, writable)


def _columns(cursor, table):
    quoted = connection.ops.quote_name(table)
    cursor.execute(f"SELECT * FROM {quoted} WHERE 1 = 0")  # noqa: S608 - a table name we read
    columns = [description[0] for description in cursor.description]
    generated = set()
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = %s AND is_generated = 'ALWAYS'",
            [table],
        )
        generated = {row[0] for row in cursor.fetchall()}
    elif connection.vendor == "sqlite":
        cursor.execute(f"PRAGMA table_xinfo({quoted})")
        generated = {row[1] for row in cursor.fetchall() if row[6] in (2, 3)}
    return columns, generated


def dump() -> dict[str, dict[tuple, tuple]]:
    """Every row of every table, by primary key."""
    contents = {}
    with connection.cursor() as cursor:
        for table in tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table.name)}")  # noqa: S608
            rows = {}
            for row in cursor.fetchall():
                row = tuple(
                    bytes(value) if isinstance(value, memoryview) else value for value in row
                )
                rows[tuple(row[index] for index in table.key)] = row
            contents[table.name] = rows
    return contents


@dataclass
class Changes:
    """What happened to the tables: per table, rows deleted (keys), changed and inserted."""

    deleted: dict[str, list[tuple]] = field(default_factory=dict)
    changed: dict[str, list[tuple]] = field(default_factory=dict)
    inserted: dict[str, list[tuple]] = field(default_factory=dict)

    @classmethod
    def between(cls, before, after):
        changes = cls()
        for name, rows in after.items():
            old = before.get(name, {})
            deleted = [key for key in old if key not in rows]
            changed = [row for key, row in rows.items() if key in old and old[key] != row]
            inserted = [row for key, row in rows.items() if key not in old]
            for kind, found in (("deleted", deleted), ("changed", changed), ("inserted", inserted)):
                if found:
                    getattr(changes, kind)[name] = found
        return changes

    def replay(self):
        """Delete the rows the fixture deleted or changed, then insert the rows it changed or
        inserted: a changed row goes in again whole. Updating in place could collide on a
        unique column in between (treebeard shifts the paths of sorted siblings)."""
        by_name = {table.name: table for table in tables()}
        quote = connection.ops.quote_name
        # One transaction: foreign keys are checked at its end, when every row is back (a
        # transactional test's statements would each be checked at once).
        with transaction.atomic(), connection.cursor() as cursor:
            for name in {*self.deleted, *self.changed}:
                table = by_name[name]
                old = self.deleted.get(name, []) + [
                    tuple(row[i] for i in table.key) for row in self.changed.get(name, [])
                ]
                where = " AND ".join(f"{quote(table.columns[i])} = %s" for i in table.key)
                cursor.executemany(f"DELETE FROM {quote(name)} WHERE {where}", old)  # noqa: S608
            for name in {*self.changed, *self.inserted}:
                table = by_name[name]
                new = self.changed.get(name, []) + self.inserted.get(name, [])
                columns = ", ".join(quote(table.columns[i]) for i in table.writable)
                values = ", ".join(["%s"] * len(table.writable))
                cursor.executemany(
                    f"INSERT INTO {quote(name)} ({columns}) VALUES ({values})",  # noqa: S608
                    [[row[i] for i in table.writable] for row in new],
                )

    def files(self):
        """(storage, name) of every file that an inserted or changed row names."""
        models_by_table = {model._meta.db_table: model for model in apps.get_models()}
        for kind in (self.inserted, self.changed):
            for name, rows in kind.items():
                model = models_by_table.get(name)
                if model is None:
                    continue
                columns = {table.name: table.columns for table in tables()}[name]
                for model_field in model._meta.concrete_fields:
                    if not isinstance(model_field, models.FileField):
                        continue
                    position = columns.index(model_field.column)
                    for row in rows:
                        if row[position]:
                            yield model_field.storage, row[position]


# --- what else a fixture leaves behind ------------------------------------------------------

_settings_at_start: dict[str, object] = {}


@pytest.fixture(scope="session", autouse=True)
def _settings_at_start_of_run():
    _settings_at_start.update({name: getattr(settings, name) for name in dir(settings)})


def settings_now() -> dict[str, object]:
    """Settings that differ from the start of the run."""
    changed = {}
    for name in dir(settings):
        if not name.isupper():
            continue
        value = getattr(settings, name)
        if name not in _settings_at_start or value is not _settings_at_start[name]:
            changed[name] = value
    return changed


def _cache_state():
    cache = caches["default"]
    return dict(cache._cache), dict(cache._expire_info)


@dataclass
class Recording:
    changes: Changes
    files: list[tuple[object, str, bytes]]
    cache_set: dict[str, tuple[bytes, float | None]]
    cache_deleted: list[str]
    outbox: list
    on_commit: list  # (function, robust) still waiting for the test's transaction to commit
    settings: dict[str, object]
    value: object
    dependencies: dict[str, object]
    process_state: list
    after: dict | None = None  # the whole database after the real run, to verify a replay


# --- one test's state -----------------------------------------------------------------------


class TestState:
    """Per test: the recordings replayed so far, and whether anything else wrote."""

    def __init__(self, transactional):
        self.transactional = transactional
        self.chain: list[str] = []
        self.dirty = False
        self.quiet = 0

    def __call__(self, execute, sql, params, many, context):
        if not self.quiet and WRITE.match(sql):
            self.dirty = True
        return execute(sql, params, many, context)


_state: TestState | None = None
_recordings: dict[str, Recording | None] = {}
stats = {"replayed": 0, "recorded": 0, "ran": 0}
ran: collections.Counter = collections.Counter()  # fixtures run for real, by name


@pytest.fixture(autouse=True)
def _snapshot_state(request):
    """Watch this test's database writes from its first fixture on."""
    global _state
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or marker.args))
    _state = TestState(transactional)
    for state in PROCESS_STATE:
        state.clear()
    with connection.execute_wrapper(_state):
        yield
    _state = None


def _key(request, function, dependencies):
    parts = (
        f"{function.__module__}.{function.__qualname__}",
        repr(getattr(request, "param", None)),
        tuple(_state.chain),
        repr(sorted((key, repr(value)) for key, value in settings_now().items())),
        _state.transactional,
        connection.vendor,
        repr(sorted(dependencies.items())),
    )
    return hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()


DATA = (models.Model, str, int, float, type(None), datetime.date, list, tuple, dict, set)


def _data(value):
    """Whether a fixture value is data to copy (not a factory, a client or the settings)."""
    return isinstance(value, DATA) or dataclasses.is_dataclass(value)


def snapshot(function):
    """Make a (function-scoped, returning) fixture replayable; see the module's text."""
    signature = inspect.signature(function)
    needs_request = "request" not in signature.parameters
    if needs_request:
        parameters = [
            inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            *signature.parameters.values(),
        ]
        signature = signature.replace(parameters=parameters)

    @functools.wraps(function)
    def fixture(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        request = bound.arguments["request"]
        if needs_request:
            del bound.arguments["request"]
        call_args = bound.arguments
        if MODE == "off" or _state is None or _state.dirty or not _replayable_here():
            return _run(function, call_args)
        dependencies = {name: value for name, value in call_args.items() if _data(value)}
        key = _key(request, function, dependencies)
        recording = _recordings.get(key, False)
        if recording is None:  # could not be recorded in this state: run it
            return _run(function, call_args)
        if recording is False:
            recording, value = _record(function, call_args, dependencies)
            _recordings[key] = recording
            if recording is None:
                _state.dirty = True
                stats["ran"] += 1
                ran[function.__name__] += 1
            else:
                _state.chain.append(key)
                stats["recorded"] += 1
            return value
        value = _replay(recording, request, dependencies)
        _state.chain.append(key)
        stats["replayed"] += 1
        return value

    fixture.__signature__ = signature
    return fixture


def _replayable_here():
    return isinstance(caches["default"], LocMemCache) and hasattr(mail, "outbox")


def _run(function, call_args):
    stats["ran"] += 1
    ran[function.__name__] += 1
    if _state is not None:
        _state.dirty = True
    return function(**call_args)


def _record(function, call_args, dependencies):
    """Run the fixture and record what it did; ``(None, value)`` when its value or files
    cannot be copied."""
    before = dump()
    cache_before = _cache_state()
    outbox_before = len(mail.outbox)
    on_commit_before = len(connection.run_on_commit)
    settings_before = settings_now()
    process_before = [dict(state) for state in PROCESS_STATE]
    _state.quiet += 1
    try:
        value = function(**call_args)
    finally:
        _state.quiet -= 1
    after = dump()
    changes = Changes.between(before, after)
    try:
        files = [(storage, name, _read(storage, name)) for storage, name in changes.files()]
        snapshot_of = copy.deepcopy((value, dependencies))
    except Exception:  # noqa: BLE001 - what cannot be copied runs for real every time
        return None, value
    cache_after = _cache_state()
    cache_set = {
        key: (cache_after[0][key], cache_after[1].get(key))
        for key in cache_after[0]
        if cache_before[0].get(key) != cache_after[0][key]
    }
    settings_after = settings_now()
    recording = Recording(
        changes=changes,
        files=files,
        cache_set=cache_set,
        cache_deleted=[key for key in cache_before[0] if key not in cache_after[0]],
        outbox=copy.deepcopy(mail.outbox[outbox_before:]),
        on_commit=copy.deepcopy(
            [(func, robust) for _ids, func, robust in connection.run_on_commit[on_commit_before:]]
        ),
        settings={
            name: value
            for name, value in settings_after.items()
            if name not in settings_before or settings_before[name] is not value
        },
        value=snapshot_of[0],
        dependencies=snapshot_of[1],
        process_state=[
            copy.deepcopy(_changed(state, before_state))
            for state, before_state in zip(PROCESS_STATE, process_before, strict=True)
        ],
        after=after if MODE == "verify" else None,
    )
    return recording, value


def _changed(now: dict, before: dict) -> tuple[dict, list]:
    """What a fixture did to a dictionary: the entries it set, the keys it removed."""
    changed = {key: value for key, value in now.items() if before.get(key, _MISSING) is not value}
    return changed, [key for key in before if key not in now]


_MISSING = object()


def _read(storage, name):
    with storage.open(name) as handle:
        return handle.read()


def _replay(recording, request, dependencies):
    _state.quiet += 1
    try:
        recording.changes.replay()
    finally:
        _state.quiet -= 1
    for storage, name, content in recording.files:
        if not storage.exists(name):
            saved = storage.save(name, ContentFile(content))
            if saved != name:
                raise RuntimeError(f"{name} was stored again as {saved}")
    cache = caches["default"]
    with cache._lock:
        for key, (value, expires) in recording.cache_set.items():
            cache._cache[key] = value
            cache._expire_info[key] = expires
        for key in recording.cache_deleted:
            cache._cache.pop(key, None)
            cache._expire_info.pop(key, None)
    mail.outbox.extend(copy.deepcopy(recording.outbox))
    # Callbacks for a commit that never comes in a test: the page cache registers one per
    # change and skips a change whose callback is already waiting.
    for func, robust in copy.deepcopy(recording.on_commit):
        connection.run_on_commit.append((set(connection.savepoint_ids), func, robust))
    if recording.settings:
        settings_fixture = request.getfixturevalue("settings")
        for name, value in recording.settings.items():
            setattr(settings_fixture, name, value)
    for state, (changed, removed) in zip(PROCESS_STATE, recording.process_state, strict=True):
        for key in removed:
            state.pop(key, None)
        state.update(copy.deepcopy(changed))
    if MODE == "verify":
        _verify(recording)
    return _copy_value(recording, dependencies)


def _copy_value(recording, dependencies):
    """A copy of the recorded value that shares the test's own dependency objects, brought
    to the state the fixture left them in (it may have changed them: ``world`` sets Beesd's
    area broker)."""
    memo = {}
    for name, current in dependencies.items():
        memo[id(recording.dependencies[name])] = current
    for name, current in dependencies.items():
        recorded = recording.dependencies[name]
        if hasattr(current, "__dict__") and type(current) is type(recorded):
            state = copy.deepcopy(recorded.__dict__, memo)
            current.__dict__.clear()
            current.__dict__.update(state)
    return copy.deepcopy(recording.value, memo)


def _verify(recording):
    now = dump()
    for name, rows in recording.after.items():
        if now[name] != rows:
            raise RuntimeError(f"replayed table {name} differs from the real run")


#: Dictionaries of the process that a fixture fills (caches of rows it made); a replay puts
#: in them what the real run put in them.
PROCESS_STATE: list[dict] = []


def summary() -> str:
    line = "fixture snapshots: {recorded} recorded, {replayed} replayed, {ran} run".format(**stats)
    if ran:
        line += " (" + ", ".join(f"{name} {number}" for name, number in ran.most_common()) + ")"
    return line
