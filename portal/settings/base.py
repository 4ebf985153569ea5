"""Settings shared by every environment. Values that differ per machine come from the
environment through ``portal.env``; ``dev``, ``test`` and ``production`` fill in the rest.

The settings of the security app and of the portal's other apps are in ``security.py`` and
``features.py`` beside this file, imported here whole."""

from pathlib import Path

import dj_database_url
from redis.backoff import NoBackoff
from redis.retry import Retry

from portal.cache import connection_class, deployment_key_prefix
from portal.env import env_bool, env_int, env_list, env_str
from portal.settings.features import *  # noqa: F403
from portal.settings.security import *  # noqa: F403

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, lowest first: each imports only the ones above it (tests/test_architecture.py).
    # The rooms every app may use: security (headers, logins, rate limits, upload checks), the
    # page cache, personal data (AVG), operations (backups).
    "security",
    "pagecache",
    "privacy",
    "ops",
    # The home page and the shared page bases, then the kernen and the feature apps.
    "home",
    "kernen",
    "news",
    "events",
    "agenda",
    "members",
    "businesses",
    "dossiers",  # a resident's own dossier, shared by choice (beside members, imports neither)
    "subscriptions",
    "search",
    # (bench, the benchmark tools, is added by the dev, bench and test settings only.)
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail_localize",
    "wagtail.locales",  # not wagtail_localize.locales: no "sync from" (docs/i18n.md)
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # ... and what Wagtail builds on (admin filters, the API, background work). Before Django:
    # their translations of a few of the same words win (django_filters' "Afgelopen 7 dagen").
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "rest_framework",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # Django's own form templates, for FORM_RENDERER below
    "django.contrib.sitemaps",
    # Libraries
    "wagtailgeowidget",  # news: the map picker of work notices
    # Production runs background work with django-tasks-db (TASKS_BACKEND=
    # django_tasks_db.DatabaseBackend and `manage.py db_worker`); its app holds the task table.
    "django_tasks_db",
    "mailer",  # the e-mail outbox (see "E-mail" below)
    # security: Content-Security-Policy, login lock-out, two-factor login
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # security: Content-Security-Policy (the admin's own policy) and Permissions-Policy
    # (django-permissions-policy, from PERMISSIONS_POLICY) on every response Django makes,
    # error pages included.
    "security.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # security: a NUL byte anywhere in a request gets a 400 before sessions or any view pass
    # it to the database (PostgreSQL refuses text that holds one).
    "security.middleware.NulByteMiddleware",
    # The page cache answers anonymous visitors here, before sessions, language, CSRF, login
    # and messages do any work; on the way out it sees what they added (cookies, headers).
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix (/en/, /pl/);
    # an unprefixed URL is always Dutch (i18n_patterns with prefix_default_language=False).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous same-origin POSTs to the public forms pass Django's CSRF check without the
    # token, so that their pages can be cached (security.csrf, docs/security.md).
    "security.csrf.PublicFormOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # security: request.user.is_verified() (django-otp), then the second step for the users
    # who need it, before any view or later middleware sees the request.
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects on a 404 (keeping the query string), then the fallback for the
    # sub-URLs under the old address of a moved kern: a 301 to its new place
    # (kernen/herindeling/fallback.py). No query on any other response.
    "home.redirects.RedirectMiddleware",
    # security: django-axes turns a locked-out login into its Dutch 429 page; last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Forms render their fields with the project's templates (templates/django/forms/): one markup
# for a field, its help text and its error, with aria-invalid and aria-describedby.
FORM_RENDERER = "home.forms.FormRenderer"

# Database: SQLite next to the code unless DATABASE_URL names another (PostgreSQL in CI and
# production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# PostgreSQL's planner assumes by default that reading a page at random costs four sequential
# reads (spinning disks). On SSDs and with the pages in memory it is about the same, and with
# the default a listing of a few hundred rows joined to wagtailcore_page read all 55,000 pages
# instead of looking up its rows by key (the similar points of an action point: 45 → 8 ms).
# Sent at connection start (libpq "options"; behind PgBouncer add "options" to its
# ignore_startup_parameters, or set it on the database and leave this empty).
DATABASE_RANDOM_PAGE_COST = env_str("DATABASE_RANDOM_PAGE_COST", "1.1")
if DATABASES["default"]["ENGINE"].endswith("postgresql") and DATABASE_RANDOM_PAGE_COST:
    float(DATABASE_RANDOM_PAGE_COST)  # a typing error stops the start, not every query
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={DATABASE_RANDOM_PAGE_COST}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
# Every cache key starts with this, so two deployments on one Redis (a test and a live site,
# the benchmark's two databases) never read each other's pages, even under the same host name.
# By default it is derived from the database and SECRET_KEY; set it to share a cache on purpose.
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX") or deployment_key_prefix(
    DATABASES["default"], SECRET_KEY
)
# A Redis that is down or hangs must not take the site down (docs/operations.md): every call
# waits at most REDIS_TIMEOUT_MS to connect and to answer and is never retried, and after a
# failure the process skips Redis for REDIS_CIRCUIT_SECONDS (portal/cache.py), so that one
# request pays the timeout, not every cache call of every request.
REDIS_TIMEOUT_MS = env_int("REDIS_TIMEOUT_MS", 500)
REDIS_CIRCUIT_SECONDS = env_int("REDIS_CIRCUIT_SECONDS", 30)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                # Failed calls answer as a miss: pages come from the database instead.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_MS / 1000,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_MS / 1000,
                "CONNECTION_POOL_KWARGS": {
                    "connection_class": connection_class(REDIS_URL),
                    "retry": Retry(NoBackoff(), 0),
                },
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }


# Language and time: Dutch first, Amsterdam time. Dutch pages have no URL prefix and stay
# Dutch whatever the browser asks for; English under /en/, Polish under /pl/ (docs/i18n.md).
# Admin users may pick English in their profile.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("pl", "Polski")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Provisioning creates the English and Polish language trees (off in the test settings, where
# only the tests that need them ask for them: the `languages` fixture).
PROVISION_LANGUAGES = env_bool("PROVISION_LANGUAGES", default=True)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files and media.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
# Uploads (security/media.py, docs/operations.md): every document, image and rendition is
# stored in PRIVATE_MEDIA_ROOT, which no web server may serve. MEDIA_ROOT only gets copies of
# the renditions of public images, made when they are first asked for at /media/; the reverse
# proxy serves MEDIA_ROOT at /media/ and passes what it does not find there to the portal,
# which checks the collection's view restrictions. Documents are served by Wagtail's
# permission-checked view (/documenten/<id>/<name>), never from /media/.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": MEDIA_URL},
    },
    "public_media": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: printed to the console unless EMAIL_HOST is set. Then every e-mail is first stored
# in the outbox (django-mailer, in the same transaction as what caused it) and sent from there
# by `manage.py send_mail` (cron); a mail server that is down defers it and `retry_deferred`
# tries again. Nothing is lost, and each message is sent once. See docs/operations.md.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
if EMAIL_HOST:
    EMAIL_BACKEND = "mailer.backend.DbBackend"
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Kernenportaal <noreply@kernenportaal.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (e-mail, index updates): django-tasks. Immediate unless TASKS_BACKEND names
# the database backend of production.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Kernenportaal"
# The portal's public address (scheme, host and port, no path): absolute links in e-mails,
# feeds, calendars and the API come from the Wagtail Site, which provisioning and load_demo
# set to this address (docs/provisioning.md). `make run HOST=...` sets it to http://HOST.
BASE_URL = (
    env_str("BASE_URL") or env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = (env_str("WAGTAILADMIN_BASE_URL") or BASE_URL).rstrip("/")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
# Uploads: every path checks the content against its allow-list (security/uploads.py). Images
# with more pixels are refused before they are decoded; home.apps gives Pillow the same limit.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 50_000_000)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.ImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Draftail, with unreadable posted content answered by a 400, not a 500 (security/richtext.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "security.richtext.RichTextArea"}}
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Every queued task and page action would be a line on the console otherwise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
# Scheduled publishing runs from cron: `manage.py publish_scheduled` every few minutes.
