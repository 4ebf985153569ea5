"""The test run itself: a crashed test process and an empty selection fail the run.

``make test`` runs the suite in two processes (pytest-xdist). These run pytest on a small
project of their own, the way ``make test`` runs it, and look at its exit status."""

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow

CRASH = """
import os

def test_passes():
    assert True

def test_takes_its_process_down():
    os._exit(3)
"""


def run_pytest(folder, *arguments):
    return subprocess.run(  # noqa: S603 - this Python's own pytest
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:django", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
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
