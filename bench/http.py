"""gunicorn on 127.0.0.1 and bounded wrk runs against it."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8104"))


def ensure_wrk() -> str:
    """The path of wrk; installs Debian's package when it is missing (root only)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed: apt-get install wrk")
    return found


@contextmanager
def gunicorn(env: dict, *, workers: int = 2, log=None):
    """Serve the portal with the bench settings; stop it (by its own pid) on leaving."""
    command = [
        str(BIN / "gunicorn"), "portal.wsgi", "--workers", str(workers),
        "--bind", f"{HOST}:{PORT}", "--timeout", "60", "--graceful-timeout", "5",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"},
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{PORT}/bench/ok/", timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.5)
        yield f"http://{HOST}:{PORT}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wrk(base_url: str, paths: list[str], *, duration: int, connections: int,
        threads: int = 1, timeout: int = 10) -> dict:  # fmt: skip
    """One bounded wrk run over ``paths``; latencies in ms, errors summed."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    try:
        completed = subprocess.run(
            [
                ensure_wrk(),
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                f"--timeout={timeout}s",
                "-s",
                str(BENCH_DIR / "wrk.lua"),
                base_url,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            env={**os.environ, "BENCH_PATHS": handle.name},
            timeout=duration + timeout + 30,
            check=True,
        )
    finally:
        os.unlink(handle.name)
    line = next(row for row in completed.stdout.splitlines() if row.startswith("BENCHJSON "))
    raw = json.loads(line.removeprefix("BENCHJSON "))
    seconds = raw["duration_us"] / 1e6
    errors = sum(raw[key] for key in raw if key.endswith("_errors") or key == "timeouts")
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": errors,
        "non_2xx_3xx": raw["status_errors"],
        "error_kinds": {
            key: raw[key] for key in raw if key.endswith("_errors") or key == "timeouts"
        },
        "seconds": seconds,
        "connections": connections,
    }
