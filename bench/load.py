"""The load test (`make load`): anonymous visitors over the main page types (wrk) and editors
publishing (bench_publish) at the same time, against gunicorn with the large site.

    python -m bench.load [--duration 300] [--connections 50] [--editors 2] [--site large]

Writes bench/results/load.{md,json}; exits non-zero when any request or publication failed.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys

from bench.http import BIN, PROJECT_DIR, gunicorn, wrk
from bench.run import CACHE_SECONDS, RESULTS, build_site, database_url, manage


def markdown(result: dict) -> str:
    http, editors = result["http"], result["editors"]
    return (
        f"Load test {result['started']}: {result['site']} site, {result['seconds']:.0f} s, "
        f"{http['connections']} concurrent anonymous visitors over {len(result['urls'])} page "
        f"types, {result['editor_count']} editors publishing, gunicorn 2 workers, page cache "
        f"{result['page_cache_seconds']} s.\n\n"
        "| Requests | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Published | "
        "Publish errors | Publish p50 ms |\n|---|---|---|---|---|---|---|---|---|\n"
        f"| {http['requests']} | {http['rps']:.1f} | {http['p50_ms']:.0f} | "
        f"{http['p95_ms']:.0f} | {http['p99_ms']:.0f} | {http['errors']} | "
        f"{editors['published']} | {len(editors['errors'])} | "
        f"{editors['publish_p50_ms'] or 0:.0f} |\n\n"
        f"Errors by kind: {http.get('error_kinds', {})} (timeouts: no answer within wrk's "
        "10 s; status: answers of 400 and up).\n"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("LOAD_DURATION", 300)))
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--site", default="large")
    parser.add_argument("--pages-per-kern", type=int, default=2000)
    args = parser.parse_args(argv)

    build_site(args.site, pages_per_kern=args.pages_per_kern, rebuild=False)
    cache = os.environ.get("PAGE_CACHE_SECONDS", CACHE_SECONDS)
    env = {"DATABASE_URL": database_url(args.site), "PAGE_CACHE_SECONDS": cache}
    manage("collectstatic", "--no-input", "-v0", env=env)
    urls = list(json.loads(manage("bench_publish", "--urls", env=env, capture=True)).values())
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    with gunicorn(env) as base_url:
        wrk(base_url, urls, duration=2, connections=4)  # warm-up
        editors = subprocess.Popen(
            [
                str(BIN / "python"),
                "manage.py",
                "bench_publish",
                "--editors",
                str(args.editors),
                "--duration",
                str(args.duration),
            ],  # fmt: skip
            cwd=PROJECT_DIR,
            env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"},
            stdout=subprocess.PIPE,
            text=True,
        )
        http = wrk(base_url, urls, duration=args.duration, connections=args.connections,
                   threads=2)  # fmt: skip
        output, _ = editors.communicate(timeout=args.duration + 120)
    result = {
        "started": started,
        "site": args.site,
        "seconds": http["seconds"],
        "urls": urls,
        "editor_count": args.editors,
        "page_cache_seconds": cache,
        "http": http,
        "editors": json.loads(output.strip().splitlines()[-1]),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    text = markdown(result)
    (RESULTS / "load.md").write_text(text)
    sys.stdout.write(text)
    for error in result["editors"]["errors"][:10]:
        sys.stdout.write(f"publish error: {error}\n")
    return 1 if http["errors"] or result["editors"]["errors"] or editors.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
