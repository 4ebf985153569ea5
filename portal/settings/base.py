"""Settings shared by every environment. Values that differ per machine come from the
environment through ``portal.env``; ``dev``, ``test`` and ``production`` fill in the rest."""

from pathlib import Path

import dj_database_url

from portal.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, lowest first: each imports only the ones above it.
    "home",
    "kernen",
    "news",
    "events",
    "agenda",
    "members",
    "subscriptions",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
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
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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

# Database: SQLite next to the code unless DATABASE_URL names another (PostgreSQL in CI and
# production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kernenportaal",
            "OPTIONS": {
                # A cache that is down must not take the site down: pages come from the
                # database instead.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Dutch first, Amsterdam time. The public site is Dutch whatever the
# browser asks for (no LocaleMiddleware); admin users may pick English in their profile.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files and media.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: printed to the console unless EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
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

# Search: Wagtail's database backend (PostgreSQL full text with a Dutch configuration, SQLite
# FTS otherwise); Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX", "kernenportaal") + "_",
            "TIMEOUT": 5,
            # Dutch: every text field is analysed with Elasticsearch's Dutch analyser
            # (stop words, Snowball stemmer) unless a field names another analyser.
            "INDEX_SETTINGS": {
                "settings": {"analysis": {"analyzer": {"default": {"type": "dutch"}}}}
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "dutch",
        }
    }

# Wagtail
WAGTAIL_SITE_NAME = "Kernenportaal"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
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

# news: the admin's map picker for work notices (wagtailgeowidget, with our own Leaflet and
# PDOK's tiles; see news/widgets.py).
INSTALLED_APPS += ["wagtailgeowidget"]
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 51.86, "lng": 5.22}
GEO_WIDGET_ZOOM = 13
GEO_WIDGET_EMPTY_LOCATION = True
GEO_WIDGET_LEAFLET_TILE_LAYER = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": "Kaartgegevens © Kadaster", "maxZoom": 19}

# home / kernen: forms, editorial workflow
# Form submissions per visitor's address and form page within the window (seconds).
FORM_RATE_LIMIT = env_int("FORM_RATE_LIMIT", 5)
FORM_RATE_LIMIT_WINDOW = env_int("FORM_RATE_LIMIT_WINDOW", 3600)
# Behind a reverse proxy that sets X-Forwarded-For, rate limits use the address it adds.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", default=False)
# Scheduled publishing runs from cron: `manage.py publish_scheduled` every few minutes.

# members: the private member area (login on the public site, uploads, invitations).
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "members_account"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/inloggen/"
MEMBERS_MAX_UPLOAD_SIZE = env_int("MEMBERS_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
MEMBERS_INVITATION_VALID_DAYS = env_int("MEMBERS_INVITATION_VALID_DAYS", 7)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for one day

# subscriptions ("Blijf op de hoogte"): how long a confirmation link works, how often one IP
# address may post the form and one e-mail address may get a confirmation e-mail per window,
# and how far a digest looks back for pages committed just after the previous run.
# Production runs background work with django-tasks-db (TASKS_BACKEND=
# django_tasks_db.DatabaseBackend and `manage.py db_worker`); its app holds the task table.
INSTALLED_APPS += ["django_tasks_db"]
SUBSCRIPTIONS_CONFIRM_MAX_AGE = env_int("SUBSCRIPTIONS_CONFIRM_MAX_AGE", 3 * 24 * 60 * 60)
SUBSCRIPTIONS_RATE_LIMIT = env_int("SUBSCRIPTIONS_RATE_LIMIT", 10)
SUBSCRIPTIONS_RATE_LIMIT_PER_ADDRESS = env_int("SUBSCRIPTIONS_RATE_LIMIT_PER_ADDRESS", 3)
SUBSCRIPTIONS_RATE_WINDOW = 60 * 60
SUBSCRIPTIONS_DIGEST_OVERLAP = 60 * 60
