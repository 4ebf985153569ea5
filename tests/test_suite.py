"""The test run itself: a crashed test process and an empty selection fail the run.

``make test`` runs the suite in two processes (pytest-xdist). These run pytest on a small
project of their own, the way ``make test`` runs it, and look at its exit status."""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CRASH = """
import os

def test_passes():
    assert True

def test_takes_its_process_down():
    os._exit(3)
"""


PROJECT = Path(__file__).resolve().parents[1]


def run_pytest(folder, *arguments):
    return subprocess.run(  # noqa: S603 - this Python's own pytest
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:django", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def test_a_crashed_worker_fails_the_run_and_says_so(tmp_path):
    (tmp_path / "test_crash.py").write_text(textwrap.dedent(CRASH))

    done = run_pytest(tmp_path, "-n", "2", "--max-worker-restart", "1", "--rootdir", tmp_path)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "crashed while running" in done.stdout
    assert "test_takes_its_process_down" in done.stdout
    assert "1 passed" in done.stdout


def test_a_run_without_tests_fails(tmp_path):
    (tmp_path / "test_nothing.py").write_text("def test_one():\n    pass\n")

    done = run_pytest(tmp_path, "-n", "2", "-m", "no_such_marker", "--rootdir", tmp_path)

    assert done.returncode == 5, done.stdout + done.stderr  # pytest: "no tests ran"
    assert "no tests ran" in done.stdout


GROUPED = """
import pytest

pytest_plugins = ["tests.scheduling"]

def pytest_collection_modifyitems(items):
    for item in items:
        if item.name.startswith("test_demo"):
            item.add_marker(pytest.mark.xdist_group("demo"))
        if item.name.startswith("test_browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
            item.add_marker(pytest.mark.django_db(transaction=True))
"""


def ran_in(stdout):
    """The tests each process ran, in the order it ran them."""
    order = {}
    for process, name in re.findall(r"\[(gw\d+)\] .*?PASSED .*?::(\w+)", stdout):
        order.setdefault(process, []).append(name)
    return order


def test_the_tests_of_a_group_run_in_one_process_and_transactional_ones_last(tmp_path):
    """``make test`` builds the demo and the 26 kernen once because their tests share an
    xdist group (``tests/scheduling.py``); a transactional test empties the database, so in
    each process no other test may follow one."""
    (tmp_path / "conftest.py").write_text(textwrap.dedent(GROUPED))
    names = [f"test_browser_{n}" for n in range(4)] + [f"test_single_{n}" for n in range(12)]
    names[8:8] = [f"test_demo_{n}" for n in range(6)]
    tests = "".join(f"def {name}():\n    pass\n\n" for name in names)
    (tmp_path / "test_grouped.py").write_text(tests)

    done = run_pytest(tmp_path, "-n", "2", "--dist", "loadgroup", "-v", "--rootdir", tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    order = ran_in(done.stdout)
    assert sum(len(names) for names in order.values()) == 22, done.stdout
    for group in ("demo", "browser"):
        processes = [p for p, names in order.items() if any(group in name for name in names)]
        assert len(processes) == 1, (group, order)
    for names in order.values():
        browser = [index for index, name in enumerate(names) if "browser" in name]
        if browser:
            assert browser == list(range(browser[0], len(names))), names
    demo_process = next(p for p, names in order.items() if "test_demo_0" in names)
    assert order[demo_process][0].startswith("test_demo"), order  # the largest group first
