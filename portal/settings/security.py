"""Security settings (docs/security.md): logins and passwords, the login lock-out, two-factor
login, headers and cookies, the Content-Security-Policy, and the per-address rate limits of
the public forms. Part of ``base.py`` (which imports everything here); not a settings module
of its own."""

from datetime import timedelta

from csp.constants import NONE, SELF, UNSAFE_INLINE

from portal.env import env_bool, env_int, env_list

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
# Browser features the portal never uses are switched off for every page and frame
# (django-permissions-policy; it refuses a feature name it does not know).
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
# The <style> of templates/base_error.html (the 400 and 500 pages) is allowed by its hash
# (tests/test_security_headers.py fails when the style changes without the hash).
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
# form rate limits use (security.ratelimit.client_address, TRUST_X_FORWARDED_FOR).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
# 0 minutes: locked until an administrator runs `manage.py axes_reset_username <name>`.
AXES_COOLOFF_TIME = (
    timedelta(minutes=minutes) if (minutes := env_int("AXES_COOLOFF_MINUTES", 15)) else None
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "security.ratelimit.client_address"
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

# Rate limits (security/ratelimit.py). Behind a reverse proxy that sets X-Forwarded-For, rate
# limits use the address it adds.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", default=False)
# Form submissions per visitor's address and form page within the window (seconds).
FORM_RATE_LIMIT = env_int("FORM_RATE_LIMIT", 5)
FORM_RATE_LIMIT_WINDOW = env_int("FORM_RATE_LIMIT_WINDOW", 3600)
# "Forgot your password?" requests per visitor's address, and e-mails per e-mail address, per
# window (security.views.PasswordResetView); guesses of a page's password per address and page
# per window (home/views.py).
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 10)
PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT = env_int("PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT", 3)
PASSWORD_RESET_RATE_WINDOW = 60 * 60
PAGE_PASSWORD_RATE_LIMIT = env_int("PAGE_PASSWORD_RATE_LIMIT", 10)
PAGE_PASSWORD_RATE_WINDOW = 60 * 60
