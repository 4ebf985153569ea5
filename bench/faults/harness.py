"""What the fault measurements share: the production environment of the server they start,
its static files and log, the gunicorn command, the visitors and the report."""

import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATHS = [
    "/",
    "/beesd/",
    "/heukelum/",
    "/beesd/nieuws/",
    "/nieuws/",
    "/activiteiten/",
    "/werkzaamheden/",
    "/kernagendas/",
    "/inspiratie/",
    "/zoeken/?q=speeltuin",
    "/beesd/rss/",
]


def require_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database with content (load_demo).")


def production_environment(**extra):
    """The environment of a production server on 127.0.0.1 (DEBUG off, a random SECRET_KEY,
    static files in a directory of its own), with ``extra`` on top."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="kp-fault-static-"),
        **extra,
    }


def collect_static(environment):
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
                   cwd=ROOT, env=environment, check=True)  # fmt: skip


def log_path():
    """A new file for the server log (with the tracebacks of the fault), not for visitors."""
    return Path(tempfile.mkdtemp(prefix="kp-fault-log-")) / "gunicorn.log"


def gunicorn_command(port, workers):
    return [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--log-level", "warning"]  # fmt: skip


class Visitors:
    """Concurrent visitors of the server at ``base_url`` for ``seconds``: a subclass's
    ``visitor(number)`` asks pages and appends a row per request to ``results`` (under
    ``lock``), its times counted from ``start``."""

    def __init__(self, base_url, clients, seconds):
        self.base_url, self.clients, self.seconds = base_url, clients, seconds
        self.results = []
        self.lock = threading.Lock()
        self.start = None

    def visitor(self, number):
        raise NotImplementedError

    def run(self):
        """Starts the visitors; returns their threads."""
        self.start = time.monotonic()
        threads = [threading.Thread(target=self.visitor, args=(n,)) for n in range(self.clients)]
        for thread in threads:
            thread.start()
        return threads


def report(figures, server_log, json_path):
    """Prints the figures (and writes them to ``json_path`` when given)."""
    figures["server_log"] = str(server_log)
    print(json.dumps(figures, indent=1))
    if json_path:
        json_path.write_text(json.dumps(figures, indent=1))
