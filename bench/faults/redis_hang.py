"""Redis hangs under load: what visitors wait for while it is stopped, and whether a page
published meanwhile is stale once it runs again.

Starts its own ``redis-server`` on a free port (never the shared one), gunicorn on 127.0.0.1
with the production settings and ``REDIS_URL`` pointing at that Redis, and a small concurrent
load of anonymous visitors over the main page types, search and the klankbordgroep form (a
POST with its CSRF token). After ``--stop-after`` seconds it stops Redis with SIGSTOP, so it
accepts connections and answers nothing (as a Redis that swaps, or a host that froze), and
continues it with SIGCONT after ``--stop-for`` seconds. Meanwhile (unless ``--no-publish``)
another process publishes a new title for the kern page of ``--kern``. It reports:

- per phase (asked before, while stopped, after): requests, errors, latency (p50, p95, max),
- while stopped: the requests that waited longer than the Redis timeout (at most one per
  gunicorn worker and ``REDIS_CIRCUIT_SECONDS``), and the slowest path,
- how long the publish took, and whether any visitor got the old title after Redis was back
  (``stale_after_resume``; must be 0) and when the first page came from the cache again.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kp_fault \\
        .venv/bin/python bench/faults/redis_hang.py --stop-after 10 --stop-for 20 --then 15

The demo must be loaded (``load_demo``). The title of the kern is put back at the end.
``--no-stop`` runs the same load without stopping Redis (a baseline).
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

FORM_PATH = "/klankbordgroep/"
SUFFIX = " (nieuw)"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(port):
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is needed: apt-get install redis-server")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--loglevel", "warning"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - fixed
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("redis-server did not start")


def start_gunicorn(port, workers, environment, log, wait=180):
    command = harness.gunicorn_command(port, workers)
    # Its log and what it prints (e-mails of the form, without EMAIL_HOST) go to the log file.
    process = subprocess.Popen(command, cwd=harness.ROOT, env=environment, stdout=log, stderr=log)  # noqa: S603
    request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
        f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=30):  # noqa: S310
                return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not answer")


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)


class Load(harness.Visitors):
    """Visitors asking the pages in turn; every fifth request of a visitor is the form. A row
    of ``results``: (start, end, path, status, cache header, body has the new title)."""

    def __init__(self, base_url, clients, seconds, kern_path):
        super().__init__(base_url, clients, seconds)
        self.kern_path = kern_path

    def request(self, opener, path, data=None, headers=None, cookie=False):
        """(status, X-Page-Cache, body), and with ``cookie`` the cookies the response set as
        one Cookie header (the production cookies are Secure: urllib would not send them back
        over the plain HTTP of this measurement)."""
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
            self.base_url + path,
            data=urllib.parse.urlencode(data).encode() if data else None,
            headers={"X-Forwarded-Proto": "https", **(headers or {})},
        )
        try:
            with opener.open(request, timeout=60) as response:
                result = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            result = error.code, error.headers, error.read()
        except OSError as error:
            result = f"connection error: {type(error).__name__}", {}, b""
        status, response_headers, body = result
        found = (status, response_headers.get("X-Page-Cache", ""), body)
        if not cookie:
            return found
        jar = [value.split(";", 1)[0] for value in response_headers.get_all("Set-Cookie") or []]
        return (*found, "; ".join(jar))

    def post_form(self, opener):
        # The form's page holds no token for anonymous visitors (it is cached); the POST is
        # accepted because its Origin is the site's own (security.csrf).
        status, _cache, body = self.request(opener, FORM_PATH)
        if status != 200:
            return status, "", body
        origin = self.base_url.replace("http://", "https://")
        status, cache, body = self.request(
            opener,
            FORM_PATH,
            data={"naam": "Bench", "e_mailadres": "bench@example.nl",
                  "in_welke_kern_woon_je": "Beesd", "wil_je_nog_iets_kwijt": "Redis hangt"},
            headers={"Origin": origin, "Referer": origin + FORM_PATH,
                     "Sec-Fetch-Site": "same-origin"},
        )  # fmt: skip
        return status, cache, body

    def visitor(self, number):
        # No cookie jar: the pages stay anonymous.
        opener = urllib.request.build_opener()
        index = number
        while time.monotonic() - self.start < self.seconds:
            index += 1
            began = time.monotonic()
            if index % 5 == 0:
                path = "POST " + FORM_PATH
                status, cache, body = self.post_form(opener)
            else:
                path = harness.PATHS[index % len(harness.PATHS)] if index % 3 else self.kern_path
                status, cache, body = self.request(opener, path)
            new_title = SUFFIX.encode() in body if path == self.kern_path else None
            with self.lock:
                self.results.append((began - self.start, time.monotonic() - self.start, path,
                                     status, cache, new_title))  # fmt: skip


PUBLISH = """
from kernen.models import KernPage
page = KernPage.objects.get(url_path__endswith="/{slug}/", depth=3, locale__language_code="nl")
page.title = {title!r}
page.save_revision().publish()
"""


def publish_title(environment, slug, title):
    """Publish ``title`` for the kern in a process of its own (as an editor in the admin
    would, on another worker); returns the seconds it took."""
    began = time.monotonic()
    code = PUBLISH.format(slug=slug, title=title)
    command = [sys.executable, "manage.py", "shell", "-c", code]
    subprocess.run(  # noqa: S603 - our own code, in our own manage.py
        command, cwd=harness.ROOT, env=environment, check=True, stdout=subprocess.DEVNULL
    )
    return round(time.monotonic() - began, 2)


class Publisher(threading.Thread):
    def __init__(self, environment, slug, title):
        super().__init__(daemon=True)
        self.arguments, self.seconds = (environment, slug, title), None

    def run(self):
        self.seconds = publish_title(*self.arguments)


def kern_title(environment, slug):
    code = (
        "from kernen.models import KernPage; print(KernPage.objects.get("
        f"url_path__endswith='/{slug}/', depth=3, locale__language_code='nl').title)"
    )
    command = [sys.executable, "manage.py", "shell", "-c", code]
    result = subprocess.run(  # noqa: S603 - our own code, in our own manage.py
        command, cwd=harness.ROOT, env=environment, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def phase_figures(rows):
    seconds = [row[1] - row[0] for row in rows]
    return {
        "requests": len(rows),
        "statuses": dict(Counter(str(row[3]) for row in rows)),
        "p50": percentile(seconds, 0.5),
        "p95": percentile(seconds, 0.95),
        "max": round(max(seconds), 3) if seconds else None,
    }


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8109)
    parser.add_argument("--clients", type=int, default=2, help="concurrent visitors")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--stop-after", type=float, default=10, help="seconds of load first")
    parser.add_argument("--stop-for", type=float, default=20, help="seconds Redis is stopped")
    parser.add_argument("--then", type=float, default=15, help="seconds of load after it")
    parser.add_argument("--kern", default="beesd", help="slug of the kern to publish")
    parser.add_argument("--no-publish", action="store_true")
    parser.add_argument("--no-stop", action="store_true", help="baseline: do not stop Redis")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args()


class Hang:
    """The load, with Redis stopped (SIGSTOP) and continued (SIGCONT) meanwhile and, while it
    is stopped, the kern's new title published (unless ``--no-stop``/``--no-publish``)."""

    def __init__(self, args, environment, redis, original_title):
        self.args, self.environment, self.redis = args, environment, redis
        self.original_title = original_title
        self.kern_path = f"/{args.kern}/"
        self.load = None
        self.stopped_at = self.resumed_at = self.publish_seconds = None

    def run(self, log):
        args = self.args
        server = start_gunicorn(args.port, args.workers, self.environment, log)
        try:
            seconds = args.stop_after + args.stop_for + args.then
            self.load = Load(f"http://127.0.0.1:{args.port}", args.clients, seconds, self.kern_path)
            threads = self.load.run()
            if not args.no_stop:
                self.stop_redis_and_publish()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)

    def stop_redis_and_publish(self):
        args, started = self.args, self.load.start
        time.sleep(args.stop_after)
        os.kill(self.redis.pid, signal.SIGSTOP)
        self.stopped_at = time.monotonic() - started
        publisher = None
        if not args.no_publish:
            title = self.original_title + SUFFIX
            publisher = Publisher(self.environment, args.kern, title)
            publisher.start()
        time.sleep(max(0.0, args.stop_after + args.stop_for - self.stopped_at))
        if publisher is not None:
            publisher.join()  # the publish must finish while Redis is stopped
            self.publish_seconds = publisher.seconds
        os.kill(self.redis.pid, signal.SIGCONT)
        self.resumed_at = time.monotonic() - started

    def phases(self, results):
        """The requests by the moment they were asked: one asked while Redis was stopped
        counts there however long it waited."""
        stopped_at, resumed_at = self.stopped_at, self.resumed_at
        if stopped_at is None:
            return {"all": results}
        return {
            "before": [row for row in results if row[0] < stopped_at],
            "while_stopped": [row for row in results if stopped_at <= row[0] < resumed_at],
            "after": [row for row in results if row[0] >= resumed_at],
        }


def while_stopped_figures(during, timeout):
    slowest = max(during, key=lambda row: row[1] - row[0])
    return {
        "while_stopped_over_timeout": sum(1 for row in during if row[1] - row[0] > timeout),
        "while_stopped_slowest": [slowest[2], round(slowest[1] - slowest[0], 3)],
        "while_stopped_by_path": {
            path: phase_figures([row for row in during if row[2] == path])
            for path in sorted({row[2] for row in during})
        },
    }


def hang_figures(hang, phases, timeout):
    """The figures of the report (see the module's docstring)."""
    figures = {
        "clients": hang.args.clients,
        "workers": hang.args.workers,
        "redis_timeout_seconds": timeout,
        "redis_stopped_at": hang.stopped_at and round(hang.stopped_at, 2),
        "redis_resumed_at": hang.resumed_at and round(hang.resumed_at, 2),
        "phases": {name: phase_figures(rows) for name, rows in phases.items()},
    }
    during = phases.get("while_stopped", [])
    if during:
        figures.update(while_stopped_figures(during, timeout))
    after = phases.get("after", [])
    if hang.resumed_at is not None:
        hits = [row for row in after if row[4] == "hit"]
        figures["seconds_from_resume_to_first_hit"] = (
            round(hits[0][1] - hang.resumed_at, 2) if hits else None
        )
    if hang.publish_seconds is not None:
        kern_after = [row for row in after if row[2] == hang.kern_path and row[3] == 200]
        figures["publish_while_stopped_seconds"] = hang.publish_seconds
        figures["kern_requests_after_resume"] = len(kern_after)
        figures["stale_after_resume"] = sum(1 for row in kern_after if not row[5])
    return figures


def main():
    args = parse_arguments()
    harness.require_postgres()
    redis_port = free_port()
    redis = start_redis(redis_port)
    environment = harness.production_environment(
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        # Every visitor comes from 127.0.0.1: no rate limit in this measurement.
        FORM_RATE_LIMIT="1000000",
        SEARCH_RATE_LIMIT="1000000",
    )
    timeout = int(environment.get("REDIS_TIMEOUT_MS", "500")) / 1000
    original_title = kern_title(environment, args.kern)
    harness.collect_static(environment)
    server_log = harness.log_path()
    hang = Hang(args, environment, redis, original_title)
    try:
        with server_log.open("w") as log:
            hang.run(log)
    finally:
        os.kill(redis.pid, signal.SIGCONT)
        if not args.no_stop and not args.no_publish:
            publish_title(environment, args.kern, original_title)  # Redis runs: put it back
        redis.terminate()
        redis.wait(timeout=10)
    results = sorted(hang.load.results)
    figures = hang_figures(hang, hang.phases(results), timeout)
    harness.report(figures, server_log, args.json)
    errors = sum(1 for row in results if row[3] not in (200, 429))
    return 1 if errors or figures.get("stale_after_resume") else 0


if __name__ == "__main__":
    sys.exit(main())
