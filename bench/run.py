"""The benchmark (`make bench`): a small (demo) and a large (generated) site on PostgreSQL,
measured in-process and under gunicorn, written to bench/results/latest.{md,json}.

    python -m bench.run [--rebuild] [--sites small,large] [--duration 5] [--pages-per-kern 2000]

The databases kp_bench_small and kp_bench_large (BENCH_DB_PREFIX) on the server of
BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432) are built once and reused; --rebuild
drops and builds them again.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import report
from bench.http import BIN, PROJECT_DIR, gunicorn, wrk

SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
PREFIX = os.environ.get("BENCH_DB_PREFIX", "kp_bench")
RESULTS = PROJECT_DIR / "bench" / "results"
CACHE_SECONDS = os.environ.get("BENCH_CACHE_SECONDS", "300")


def database_url(name: str) -> str:
    return f"{SERVER.rstrip('/')}/{PREFIX}_{name}"


def manage(*args, env: dict, capture=False) -> str:
    completed = subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.bench", **env},
        check=True,
        capture_output=capture,
        text=True,
    )
    return completed.stdout if capture else ""


def psql(sql: str, database: str = "postgres") -> str:
    url = f"{SERVER.rstrip('/')}/{database}"
    return subprocess.run(
        ["psql", url, "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def site_is_built(name: str, min_pages: int) -> bool:
    exists = psql(f"SELECT 1 FROM pg_database WHERE datname = '{PREFIX}_{name}'")
    if not exists:
        return False
    try:
        pages = int(psql("SELECT count(*) FROM wagtailcore_page", f"{PREFIX}_{name}") or 0)
    except subprocess.CalledProcessError:
        return False
    return pages >= min_pages


def build_site(name: str, *, pages_per_kern: int, rebuild: bool) -> None:
    min_pages = 26 * pages_per_kern if name == "large" else 100
    if not rebuild and site_is_built(name, min_pages):
        print(f"{name}: reusing {PREFIX}_{name}", flush=True)
        # The code may be newer than the database: bring its schema up to date.
        manage("migrate", "--no-input", "-v0", env={"DATABASE_URL": database_url(name)})
        run_queued_tasks(env={"DATABASE_URL": database_url(name)})
        # Fresh planner statistics, whatever ran on it since (autovacuum may be off).
        psql("ANALYZE", f"{PREFIX}_{name}")
        return
    print(f"{name}: building {PREFIX}_{name}", flush=True)
    psql(f'DROP DATABASE IF EXISTS "{PREFIX}_{name}"')
    psql(f'CREATE DATABASE "{PREFIX}_{name}"')
    env = {"DATABASE_URL": database_url(name)}
    manage("migrate", "--no-input", "-v0", env=env)
    manage("load_demo", env=env)
    # The demo's publications queued their search index updates (the bench settings queue
    # background work in the database, as production does): run them, so search finds the
    # demo's pages as it would with a worker.
    run_queued_tasks(env=env)
    if name == "large":
        manage("generate_site", "--kernen", "26", "--pages-per-kern", str(pages_per_kern),
               env=env)  # fmt: skip
    psql("ANALYZE", f"{PREFIX}_{name}")


def run_queued_tasks(env: dict) -> None:
    """Run the background tasks waiting in the database and stop when none is left."""
    manage("db_worker", "--batch", "--no-startup-delay", "--interval", "0", env=env)


def http_runs(site: dict, env: dict, *, duration: int, connections: int) -> None:
    """wrk per page type and for the trivial view, page cache off and on."""
    for mode, seconds in (("uncached", "0"), ("cached", CACHE_SECONDS)):
        with gunicorn({**env, "PAGE_CACHE_SECONDS": seconds}) as base_url:
            targets = {"ceiling": site["ceiling"], **site["pages"]}
            for key, target in targets.items():
                # Warm up: the workers load templates and caches on the first requests.
                wrk(base_url, [target["url"]], duration=1, connections=2)
                result = wrk(base_url, [target["url"]], duration=duration,
                             connections=connections)  # fmt: skip
                target.setdefault("http", {})[mode] = result
                print(f"  {mode:<8} {key:<14} {result['rps']:7.1f} req/s "
                      f"p50 {result['p50_ms']:.0f} ms p99 {result['p99_ms']:.0f} ms "
                      f"errors {result['errors']}", flush=True)  # fmt: skip


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="Build the databases again.")
    parser.add_argument("--sites", default="small,large")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 5)))
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--pages-per-kern", type=int, default=2000)
    parser.add_argument("--no-http", action="store_true", help="Skip the gunicorn runs.")
    args = parser.parse_args(argv)

    results = {
        "started": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.node()} ({os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f} at start)",
        "sites": {},
    }
    env_static = {"DATABASE_URL": database_url("small")}
    manage("collectstatic", "--no-input", "-v0", env=env_static)
    first_site = None
    for name in args.sites.split(","):
        build_site(name, pages_per_kern=args.pages_per_kern, rebuild=args.rebuild)
        env = {"DATABASE_URL": database_url(name), "PAGE_CACHE_SECONDS": "0"}
        # The large site holds the demo too: measure the same URLs on both, so that query
        # counts compare the same pages with more content around them.
        urls = {key: page["url"] for key, page in first_site["pages"].items()} if first_site else {}
        with tempfile.TemporaryDirectory() as scratch:
            output, url_file = Path(scratch, "site.json"), Path(scratch, "urls.json")
            url_file.write_text(json.dumps(urls))
            manage("bench_measure", "--samples", str(args.samples), "--output", str(output),
                   *(["--urls", str(url_file)] if urls else []), env=env)  # fmt: skip
            site = json.loads(output.read_text())
        first_site = first_site or site
        print(f"{name}: {site['pages_total']} pages measured in-process", flush=True)
        if not args.no_http:
            http_runs(site, env, duration=args.duration, connections=args.connections)
        results["sites"][name] = site
    md_path, _json_path = report.write(results, RESULTS)
    sys.stdout.write(md_path.read_text())


if __name__ == "__main__":
    main()
