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
    "bench",  # benchmark tools; imports every app above
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
    # security: Content-Security-Policy (the admin's own policy) and Permissions-Policy on
    # every response Django makes, error pages included.
    "security.middleware.ContentSecurityPolicyMiddleware",
    "security.middleware.PermissionsPolicyMiddleware",
    # security: a NUL byte anywhere in a request gets a 400 before sessions or any view pass
    # it to the database (PostgreSQL refuses text that holds one).
    "security.middleware.NulByteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix (/en/, /pl/);
    # an unprefixed URL is always Dutch (i18n_patterns with prefix_default_language=False).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # security: request.user.is_verified() (django-otp), then the second step for the users
    # who need it, before any view or later middleware sees the request.
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After session, auth, locale and messages: it needs the visitor and the language, and
    # must see a response before they add cookies to it.
    "home.pagecache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
# A Redis that is down or hangs must not take the site down (docs/operations.md): every call
# waits at most REDIS_TIMEOUT_MS to connect and to answer and is never retried, and after a
# failure the process skips Redis for REDIS_CIRCUIT_SECONDS (portal/cache.py), so that one
# request pays the timeout, not every cache call of every request.
REDIS_TIMEOUT_MS = env_int("REDIS_TIMEOUT_MS", 500)
REDIS_CIRCUIT_SECONDS = env_int("REDIS_CIRCUIT_SECONDS", 30)
if REDIS_URL:
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    from portal.cache import connection_class

    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kernenportaal",
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
# Searches per visitor's address per SEARCH_RATE_WINDOW seconds (and suggestions while typing,
# which the search box asks for up to four times a second), answered from the cache for
# SEARCH_CACHE_SECONDS when the same search comes again, and stopped on PostgreSQL after
# SEARCH_TIMEOUT_MS (docs/search.md). 0 switches the cache or the time limit off.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 30)
SEARCH_SUGGESTIONS_RATE_LIMIT = env_int("SEARCH_SUGGESTIONS_RATE_LIMIT", 120)
SEARCH_RATE_WINDOW = 60
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 60)
SEARCH_TIMEOUT_MS = env_int("SEARCH_TIMEOUT_MS", 3000)

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
# Uploads: every path checks the content against its allow-list (home/uploads.py). Images
# with more pixels are refused before they are decoded; home.apps gives Pillow the same limit.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 50_000_000)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.ImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Draftail, with unreadable posted content answered by a 400 instead of a 500 (home/richtext.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "home.richtext.RichTextArea"}}
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
# "Forgot your password?" requests per visitor's address, and e-mails per e-mail address, per
# window (security/throttle.py); guesses of a page's password per address and page per window
# (home/views.py).
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 10)
PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT = env_int("PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT", 3)
PASSWORD_RESET_RATE_WINDOW = 60 * 60
PAGE_PASSWORD_RATE_LIMIT = env_int("PAGE_PASSWORD_RATE_LIMIT", 10)
PAGE_PASSWORD_RATE_WINDOW = 60 * 60

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

# Reliability: the e-mail outbox (django-mailer; see "E-mail" above and docs/operations.md).
INSTALLED_APPS += ["mailer"]
# Rows are locked per message while sending, so overlapping runs never send one twice.
MAILER_USE_FILE_LOCK = False
# retry_deferred every 10 minutes gives up after a day; what is left shows in the admin.
MAILER_EMAIL_MAX_RETRIES = env_int("MAILER_EMAIL_MAX_RETRIES", 144)

# security: headers, cookies, login lock-out, passwords and two-factor login (docs/security.md).
from datetime import timedelta  # noqa: E402

from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

INSTALLED_APPS += [
    "security",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# Axes checks every login for a lock-out first; ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Passwords: at least 12 characters for everyone (board members and staff alike), not like the
# user name, not a common password, not only digits. Django's messages are Dutch already.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "security.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Headers that do not depend on HTTPS (production adds HSTS and secure cookies).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views send SAMEORIGIN themselves
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin reads the token from the page, not the cookie
CSRF_COOKIE_SAMESITE = "Lax"
# Browser features the portal never uses are switched off for every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Content-Security-Policy (django-csp 4). The public site: scripts and style sheets from our own
# origin only, no inline scripts and no nonces (public pages are cached for anonymous visitors,
# a nonce would be cached with them); style attributes are allowed (chart colours, Leaflet).
# The <style> of templates/500.html is allowed by its hash (tests/test_security_headers.py
# fails when the style changes without the hash).
PDOK_TILES = "https://service.pdok.nl"
ERROR_PAGE_STYLE_HASH = "'sha256-G91W5JTG7dbmfbXACWKldWystpvyxr6A2LeenQtcvbM='"
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")  # e.g. the object storage serving media
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-elem": [SELF, ERROR_PAGE_STYLE_HASH],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", PDOK_TILES, *CSP_EXTRA_IMG_SRC],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (and Django's) runs inline scripts and styles of its own, shows previews
# in a same-origin frame and the work notice map picker with PDOK tiles.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", PDOK_TILES, *CSP_EXTRA_IMG_SRC],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
CSP_ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from a third party in the admin

# Login lock-out (django-axes): after AXES_FAILURE_LIMIT failed logins for one account, or from
# one address, that account or address waits AXES_COOLOFF_MINUTES. The address is the one the
# form rate limits use (home.ratelimit.client_address, TRUST_X_FORWARDED_FOR).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
# 0 minutes: locked until an administrator runs `manage.py axes_reset_username <name>`.
AXES_COOLOFF_TIME = (
    timedelta(minutes=minutes) if (minutes := env_int("AXES_COOLOFF_MINUTES", 15)) else None
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "security.lockout.locked_out"
AXES_USERNAME_CALLABLE = "security.lockout.username"  # cut to its 255-character column
AXES_HTTP_RESPONSE_CODE = 429
AXES_DISABLE_ACCESS_LOG = True  # keep failed attempts only, no log of every login (AVG)

# Two-factor login (django-otp, TOTP app + backup codes): superusers and members of the groups
# below must confirm a code before they use the admin or anything else behind their login.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=True)
TWO_FACTOR_GROUPS = ["Communicatie"]  # also "Communicatie (<municipality>)"
TWO_FACTOR_BACKUP_CODES = 10
OTP_TOTP_ISSUER = "Kernenportaal"

# Personal data (AVG, docs/privacy.md): days after which `purge_personal_data` (daily, cron or
# the task home.privacy.purge_personal_data) deletes what residents left behind.
PRIVACY_EVENT_REGISTRATIONS_DAYS = env_int("PRIVACY_EVENT_REGISTRATIONS_DAYS", 30)  # after it
PRIVACY_SIGNUPS_DAYS = env_int("PRIVACY_SIGNUPS_DAYS", 365)
PRIVACY_FORM_SUBMISSIONS_DAYS = env_int("PRIVACY_FORM_SUBMISSIONS_DAYS", 365)
PRIVACY_INVITATIONS_DAYS = env_int("PRIVACY_INVITATIONS_DAYS", 30)
PRIVACY_TASK_RESULTS_DAYS = env_int("PRIVACY_TASK_RESULTS_DAYS", 7)
# What people searched for, counted per day; "popular searches" looks back 30 days.
PRIVACY_SEARCH_QUERIES_DAYS = env_int("PRIVACY_SEARCH_QUERIES_DAYS", 30)
# Links e-mailed to an address (confirming a subscription, "mijn gegevens"): how long an
# expired one is kept (0: deleted by the next purge), and how long "mijn gegevens" links work
# and how often one IP address may ask for one and one address may get one per hour.
PRIVACY_EMAIL_LINKS_DAYS = env_int("PRIVACY_EMAIL_LINKS_DAYS", 0)
MYDATA_LINK_MAX_AGE = env_int("MYDATA_LINK_MAX_AGE", 24 * 60 * 60)
MYDATA_RATE_LIMIT = env_int("MYDATA_RATE_LIMIT", 10)
MYDATA_RATE_LIMIT_PER_ADDRESS = env_int("MYDATA_RATE_LIMIT_PER_ADDRESS", 3)

# Page cache (home/pagecache.py): anonymous pages from the cache above, never stale. 0 = off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Invalidations the cache did not take (Redis unreachable while something was published) wait
# in the database; each process looks for them before serving a cached page after it lost or
# regained the cache, and at least every this many seconds (one small query; 0 = only then).
PAGE_CACHE_CHECK_SECONDS = env_int("PAGE_CACHE_CHECK_SECONDS", 1)
# Query parameters the public pages use (filters, pager). A request with any other parameter
# is served fresh and not stored, so no one can fill the cache with variants of a page.
PAGE_CACHE_QUERY_PARAMS = frozenset(
    {"page", "kern", "theme", "thema", "status", "samen", "periode", "van", "naar"}
)
# A CDN in front, purged on publish through wagtail.contrib.frontend_cache: an HTTP purger
# (Varnish, nginx) at FRONTEND_CACHE_URL and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_URL"),
    }
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
