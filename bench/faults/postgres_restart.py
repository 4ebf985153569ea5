"""PostgreSQL restarted under load: how long until the site answers without errors again, and
what a visitor sees meanwhile.

Starts gunicorn on 127.0.0.1 with the production settings (DEBUG off, a random SECRET_KEY,
whitenoise, Redis when REDIS_URL is set), runs a small concurrent load of anonymous visitors
over the main page types, restarts the local PostgreSQL cluster once after ``--restart-after``
seconds and reports:

- when PostgreSQL went down and was back (``pg_isready``),
- the errors (status and count), the last error, and the seconds from "back" to the last error,
- whether any error page leaked details (traceback, SQL, settings, host names) and whether it
  was the Dutch error page.

Restarting PostgreSQL disturbs everyone else on the machine: run it on purpose, rarely.

    createdb kp_fault && DATABASE_URL=postgres://postgres@127.0.0.1:5432/kp_fault \\
        .venv/bin/python manage.py migrate && … load_demo
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kp_fault \\
        .venv/bin/python bench/faults/postgres_restart.py --port 8108

``--no-restart`` runs the same load without touching PostgreSQL (a baseline).
"""

import argparse
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import harness

LEAKS = ["Traceback", "OperationalError", "psycopg", "SELECT ", "5432", "settings", "SECRET"]


def pg_ready():
    command = ["pg_isready", "-q", "-h", "127.0.0.1"]
    return subprocess.run(command, check=False).returncode == 0  # noqa: S603, S607 - fixed


class Watch(threading.Thread):
    """Polls pg_isready every 0.1 s: when PostgreSQL stopped accepting connections and when it
    accepted them again (pg_ctlcluster itself returns later than that)."""

    def __init__(self, start):
        super().__init__(daemon=True)
        self.start_time, self.down_at, self.back_at, self.stop = start, None, None, False

    def run(self):
        while not self.stop:
            ready = pg_ready()
            now = time.monotonic() - self.start_time
            if not ready and self.down_at is None:
                self.down_at = now
            elif ready and self.down_at is not None and self.back_at is None:
                self.back_at = now
            time.sleep(0.1)


def restart_postgres():
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
    subprocess.run(command, check=True)  # noqa: S603 - fixed arguments


class Load(harness.Visitors):
    """Visitors asking the pages in turn. A row of ``results``: (start, end, path, status,
    body of an error)."""

    def visitor(self, number):
        index = number
        while time.monotonic() - self.start < self.seconds:
            path = harness.PATHS[index % len(harness.PATHS)]
            index += 1
            request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
                self.base_url + path,
                headers={"X-Forwarded-Proto": "https"},
            )
            began = time.monotonic()
            body = ""
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
                body = error.read().decode(errors="replace")
            except OSError as error:
                status = f"connection error: {type(error).__name__}"
            with self.lock:
                self.results.append((began - self.start, time.monotonic() - self.start, path,
                                     status, body))  # fmt: skip


def start_gunicorn(port, workers, environment, log):
    command = harness.gunicorn_command(port, workers)
    process = subprocess.Popen(command, cwd=harness.ROOT, env=environment, stderr=log)  # noqa: S603
    for _ in range(100):
        try:
            with urllib.request.urlopen(
                urllib.request.Request(
                    f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}
                ),
                timeout=5,
            ):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not answer")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8108)
    parser.add_argument("--clients", type=int, default=4, help="concurrent visitors")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--seconds", type=float, default=30, help="length of the load")
    parser.add_argument("--restart-after", type=float, default=10)
    parser.add_argument("--no-restart", action="store_true", help="baseline: do not restart")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args()


class Outage:
    """The load, with PostgreSQL restarted once meanwhile (unless ``--no-restart``): when the
    restart command started and returned, and what ``Watch`` saw."""

    def __init__(self, args):
        self.args = args
        self.load = Load(f"http://127.0.0.1:{args.port}", args.clients, args.seconds)
        self.watch = None
        self.restart_started = self.restart_returned = None

    def run(self):
        threads = self.load.run()
        self.watch = Watch(self.load.start)
        self.watch.start()
        if not self.args.no_restart:
            time.sleep(self.args.restart_after)
            self.restart_started = time.monotonic() - self.load.start
            restart_postgres()
            self.restart_returned = time.monotonic() - self.load.start
        for thread in threads:
            thread.join()
        self.watch.stop = True


def seconds_from_back_to_first_ok(results, back_at):
    if not back_at:
        return None
    first_ok = min(
        (row[1] for row in results if row[3] == 200 and row[1] > back_at), default=back_at
    )
    return round(first_ok - back_at, 2)


def outage_figures(outage):
    """The figures of the report (see the module's docstring)."""
    args = outage.args
    restart_started, restart_returned = outage.restart_started, outage.restart_returned
    down_at, back_at = outage.watch.down_at, outage.watch.back_at
    results = sorted(outage.load.results)
    errors = [row for row in results if row[3] != 200]
    last_error = max((row[1] for row in errors), default=None)
    first_error = min((row[0] for row in errors), default=None)
    bodies = [row[4] for row in errors if row[4]]
    return {
        "requests": len(results),
        "requests_per_second": round(len(results) / args.seconds, 1),
        "clients": args.clients,
        "workers": args.workers,
        "errors": dict(Counter(str(row[3]) for row in errors)),
        "restart_command_started_at": restart_started and round(restart_started, 2),
        "restart_command_returned_at": restart_returned and round(restart_returned, 2),
        "postgres_refused_from": down_at and round(down_at, 2),
        "postgres_back_at": back_at and round(back_at, 2),
        "postgres_unavailable_seconds": back_at and round(back_at - down_at, 2),
        "last_error_answered_at": last_error and round(last_error, 2),
        "first_error_asked_at": first_error and round(first_error, 2),
        "seconds_from_back_to_last_error": (
            round(max(0.0, last_error - back_at), 2) if back_at and last_error else 0.0
        ),
        "seconds_from_back_to_first_ok": seconds_from_back_to_first_ok(results, back_at),
        "ok_after_back": sum(
            1 for row in results if back_at and row[0] > back_at and row[3] == 200
        ),
        "error_pages_dutch": all("Er ging iets mis" in body for body in bodies),
        "error_pages_leaking": sorted({leak for body in bodies for leak in LEAKS if leak in body}),
    }


def main():
    args = parse_arguments()
    harness.require_postgres()
    environment = harness.production_environment()
    harness.collect_static(environment)
    # The server log (with the tracebacks of the outage) goes to a file, not to visitors.
    server_log = harness.log_path()
    with server_log.open("w") as log:
        server = start_gunicorn(args.port, args.workers, environment, log)
        try:
            outage = Outage(args)
            outage.run()
        finally:
            server.terminate()
            server.wait(timeout=30)
    figures = outage_figures(outage)
    harness.report(figures, server_log, args.json)
    return 1 if figures["error_pages_leaking"] else 0


if __name__ == "__main__":
    sys.exit(main())
