"""Local development: `make run`. Safe defaults, nothing to configure."""

from urllib.parse import urlsplit

from portal.env import env_bool, env_list, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-not-secret-kernenportaal"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
# The benchmark tools (`manage.py generate_site`, bench/): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405

# `make run HOST=192.168.1.20:8000` serves the demo on that address: let it in.
_base_host = urlsplit(BASE_URL).hostname or ""  # noqa: F405
_base_host = f"[{_base_host}]" if ":" in _base_host else _base_host
if _base_host and _base_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(_base_host)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# runserver serves static files itself; whitenoise is for gunicorn in production.
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("whitenoise")]  # noqa: F405
# The demo's admin logs in with the printed password only; production asks superusers and
# Communicatie for a second step (docs/security.md). TWO_FACTOR_REQUIRED=true tries it here.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=False)
