"""Settings of the portal's own apps and the libraries they bring: search, the work notice map
picker, the member area, subscriptions, the e-mail outbox, personal data and the page cache.
Part of ``base.py`` (which imports everything here); not a settings module of its own."""

from portal.env import env_bool, env_int, env_str

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

# news: the admin's map picker for work notices (wagtailgeowidget, with our own Leaflet and
# PDOK's tiles; see news/widgets.py).
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 51.86, "lng": 5.22}
GEO_WIDGET_ZOOM = 13
GEO_WIDGET_EMPTY_LOCATION = True
GEO_WIDGET_LEAFLET_TILE_LAYER = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": "Kaartgegevens © Kadaster", "maxZoom": 19}

# members: the private member area (login on the public site, uploads, invitations).
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "members_account"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/inloggen/"
MEMBERS_MAX_UPLOAD_SIZE = env_int("MEMBERS_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
MEMBERS_INVITATION_VALID_DAYS = env_int("MEMBERS_INVITATION_VALID_DAYS", 7)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for one day

# dossiers: a resident's own dossier (docs/dossiers.md). The largest file of an item; how long
# the signup link works and how often one IP address may sign up and one address get the
# e-mail per hour; whether the admin shows dossiers for support (off: nobody sees them there).
DOSSIER_MAX_UPLOAD_SIZE = env_int("DOSSIER_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
DOSSIER_SIGNUP_LINK_MAX_AGE = env_int("DOSSIER_SIGNUP_LINK_MAX_AGE", 24 * 60 * 60)
DOSSIER_SIGNUP_RATE_LIMIT = env_int("DOSSIER_SIGNUP_RATE_LIMIT", 10)
DOSSIER_SIGNUP_RATE_LIMIT_PER_ADDRESS = env_int("DOSSIER_SIGNUP_RATE_LIMIT_PER_ADDRESS", 3)
DOSSIER_SUPPORT_ACCESS = env_bool("DOSSIER_SUPPORT_ACCESS", False)

# subscriptions ("Blijf op de hoogte"): how long a confirmation link works, how often one IP
# address may post the form and one e-mail address may get a confirmation e-mail per window,
# and how far a digest looks back for pages committed just after the previous run.
SUBSCRIPTIONS_CONFIRM_MAX_AGE = env_int("SUBSCRIPTIONS_CONFIRM_MAX_AGE", 3 * 24 * 60 * 60)
SUBSCRIPTIONS_RATE_LIMIT = env_int("SUBSCRIPTIONS_RATE_LIMIT", 10)
SUBSCRIPTIONS_RATE_LIMIT_PER_ADDRESS = env_int("SUBSCRIPTIONS_RATE_LIMIT_PER_ADDRESS", 3)
SUBSCRIPTIONS_RATE_WINDOW = 60 * 60
SUBSCRIPTIONS_DIGEST_OVERLAP = 60 * 60

# Reliability: the e-mail outbox (django-mailer; see "E-mail" in base.py and
# docs/operations.md). Rows are locked per message while sending, so overlapping runs never
# send one twice.
MAILER_USE_FILE_LOCK = False
# retry_deferred every 10 minutes gives up after a day; what is left shows in the admin.
MAILER_EMAIL_MAX_RETRIES = env_int("MAILER_EMAIL_MAX_RETRIES", 144)

# Personal data (privacy/, docs/privacy.md): days after which `purge_personal_data` (daily,
# cron or the task privacy.tasks.purge_personal_data) deletes what residents left behind.
PRIVACY_EVENT_REGISTRATIONS_DAYS = env_int("PRIVACY_EVENT_REGISTRATIONS_DAYS", 30)  # after it
PRIVACY_SIGNUPS_DAYS = env_int("PRIVACY_SIGNUPS_DAYS", 365)
PRIVACY_FORM_SUBMISSIONS_DAYS = env_int("PRIVACY_FORM_SUBMISSIONS_DAYS", 365)
PRIVACY_INVITATIONS_DAYS = env_int("PRIVACY_INVITATIONS_DAYS", 30)
PRIVACY_TASK_RESULTS_DAYS = env_int("PRIVACY_TASK_RESULTS_DAYS", 7)
# A business that registered itself and never confirmed its e-mail address.
PRIVACY_BUSINESS_REGISTRATIONS_DAYS = env_int("PRIVACY_BUSINESS_REGISTRATIONS_DAYS", 7)
# Who looked at a resident's dossier: the owner's access log (the dossier itself stays).
PRIVACY_DOSSIER_ACCESS_LOG_DAYS = env_int("PRIVACY_DOSSIER_ACCESS_LOG_DAYS", 730)
# What people searched for, counted per day; "popular searches" looks back 30 days.
PRIVACY_SEARCH_QUERIES_DAYS = env_int("PRIVACY_SEARCH_QUERIES_DAYS", 30)
# Links e-mailed to an address (confirming a subscription, "mijn gegevens"): how long an
# expired one is kept (0: deleted by the next purge), and how long "mijn gegevens" links work
# and how often one IP address may ask for one and one address may get one per hour.
PRIVACY_EMAIL_LINKS_DAYS = env_int("PRIVACY_EMAIL_LINKS_DAYS", 0)
MYDATA_LINK_MAX_AGE = env_int("MYDATA_LINK_MAX_AGE", 24 * 60 * 60)
MYDATA_RATE_LIMIT = env_int("MYDATA_RATE_LIMIT", 10)
MYDATA_RATE_LIMIT_PER_ADDRESS = env_int("MYDATA_RATE_LIMIT_PER_ADDRESS", 3)

# Page cache (pagecache/): anonymous pages from the cache of base.py, never stale. 0 = off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Invalidations the cache did not take (Redis unreachable while something was published) wait
# in the database; each process looks for them before serving a cached page after it lost or
# regained the cache, and at least every this many seconds (one small query; 0 = only then).
PAGE_CACHE_CHECK_SECONDS = env_int("PAGE_CACHE_CHECK_SECONDS", 1)
# Query parameters the public pages use (filters, pager). A request with any other parameter
# is served fresh and not stored, so no one can fill the cache with variants of a page. The
# pager's "pagina" was "page" before (still read, and the search's pager); "theme" of the
# inspiration overview is now "thema" (the old name redirects).
PAGE_CACHE_QUERY_PARAMS = frozenset(
    {
        "pagina",
        "page",
        "kern",
        "thema",
        "theme",
        "groep",
        "status",
        "samen",
        "periode",
        "van",
        "naar",
    }
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
