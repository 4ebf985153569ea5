"""Test settings: fast hashing, local memory cache, plain static files, immediate tasks and the
database search backend (Elasticsearch only when ELASTICSEARCH_URL is set)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "westbetuwe.localhost", "*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "public_media": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The Site that provisioning makes in tests: localhost, port 80 (tests that need a port set it).
BASE_URL = "http://localhost"
LOGGING = {"version": 1, "disable_existing_loggers": False}
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("whitenoise")]  # noqa: F405
# The benchmark tools have tests of their own (bench/tests/); production leaves them out.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
# Django's test client logs in without a request, which django-axes refuses; the security
# tests switch lock-out and the second login step on where they test them.
AXES_ENABLED = False
TWO_FACTOR_REQUIRED = False

# The page cache is on in tests, so every test of a public page also proves it is not stale.
PAGE_CACHE_SECONDS = 600
# A page from the cache costs no query in tests (they count them); the tests of invalidations
# that waited in the database switch the regular look on (home/tests/test_faults.py).
PAGE_CACHE_CHECK_SECONDS = 0
WAGTAILFRONTENDCACHE = {}

# Three language trees triple every page a test provisions; tests of the languages ask for
# them with the `languages` fixture (conftest.py).
PROVISION_LANGUAGES = False
