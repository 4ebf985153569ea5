"""Benchmarks (`make bench`, `make load`): the production settings, served over plain HTTP on
127.0.0.1, with background work in the database queue as in production, and a trivial view
at /bench/ok/ that measures the ceiling of the stack (bench/urls.py)."""

import os

# A fixed key: both gunicorn workers must share it. Never used outside the benchmark.
os.environ.setdefault(
    "SECRET_KEY", "bench-only-kernenportaal-not-a-secret-0123456789abcdefghijklmnop"
)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Both workers share one page cache, as in production (a publish clears it for both).
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
# Every request of the benchmark and the load test comes from 127.0.0.1: the per-visitor search
# limit (30 a minute) would answer most searches with 429 and measure that instead.
os.environ.setdefault("SEARCH_RATE_LIMIT", "1000000")
os.environ.setdefault("SEARCH_SUGGESTIONS_RATE_LIMIT", "1000000")

from .production import *  # noqa: E402, F403

# The benchmark tools (`generate_site`, `bench_measure`, `bench_publish`), which production
# settings leave out.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
