"""Production: DEBUG off, a real SECRET_KEY required, HTTPS assumed behind a reverse proxy."""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = env_bool("DEBUG", default=False)

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

# HTTPS ends at the reverse proxy, which must set X-Forwarded-Proto (and replace any the
# client sent). Headers and cookie flags that do not need HTTPS are in base.py.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# The page cache is only right when every worker shares it: with local memory each gunicorn
# worker keeps its own copy, and publishing in one would not clear the others. Without
# REDIS_URL it is off unless PAGE_CACHE_SECONDS says otherwise (one worker only).
if not REDIS_URL:  # noqa: F405
    PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
