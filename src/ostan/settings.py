"""Django settings. Everything secret or machine-specific comes from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from ostan.core.clients import parse_networks

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("OSTAN_VAR_DIR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("OSTAN_DEBUG")
_secret = os.environ.get("OSTAN_SECRET_KEY")
if not _secret:
    if not (DEBUG or _flag("OSTAN_ALLOW_EPHEMERAL_SECRET", True)):
        raise RuntimeError("OSTAN_SECRET_KEY must be set in production")
    # A per-process key: sessions do not survive a restart, which is right for demos and tests.
    import secrets

    _secret = secrets.token_urlsafe(50)
SECRET_KEY = _secret

ALLOWED_HOSTS = [h for h in os.environ.get("OSTAN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("OSTAN_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "ostan.web",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # django-ninja as an app serves Swagger UI from its own static files instead of a CDN: the docs work offline.
    "ninja",
    # Background tasks kept in the database and run by `manage.py db_worker` (see docs/servicedesk.md).
    "django_tasks_db",
    "ostan.territory",
    "ostan.access",
    "ostan.accounts",
    "ostan.auditlog",
    "ostan.elections",
    "ostan.polling",
    "ostan.publication",
    "ostan.simulation",
    "ostan.servicedesk",
    "ostan.network",
    "ostan.indicators",
    "ostan.programs",
    "ostan.participation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ostan.web.middleware.refuse_unstorable_text",
    "ostan.web.middleware.api_error_shape",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ostan.access.middleware.actor",
    "ostan.access.middleware.Refusals",
    "ostan.accounts.middleware.password_change_required",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ostan.urls"
WSGI_APPLICATION = "ostan.wsgi.application"
ASGI_APPLICATION = "ostan.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ostan.web.header.context",
            ],
            "builtins": ["ostan.web.templatetags.persian", "ostan.web.templatetags.hashes"],
        },
    }
]

# SQLite is the zero-setup default for the demo; production and CI set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'ostan.sqlite3'}",
        conn_max_age=int(os.environ.get("OSTAN_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Staff accounts without a territorial unit cannot sign in (system administrators excepted).
AUTHENTICATION_BACKENDS = ["ostan.accounts.logins.ScopedModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", "فارسی"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Files only a policy-checked view may serve (the network's evidence): outside MEDIA_ROOT and STATIC_ROOT.
OSTAN_PRIVATE_DIR = Path(os.environ.get("OSTAN_PRIVATE_DIR", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _flag("OSTAN_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Everything the pages load comes from the site itself (fonts, scripts, styles): no inline script or
# handler runs, no other host is reached, no page is framed. Charts are inline SVG; QR codes are data URIs.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# With secure cookies the site is served over HTTPS only: browsers are told to keep to it for a year.
SECURE_HSTS_SECONDS = int(os.environ.get("OSTAN_HSTS_SECONDS", "31536000")) if SESSION_COOKIE_SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _flag("OSTAN_BEHIND_TLS_PROXY") else None
# Reverse proxies whose forwarding header is believed for the client's address (sign-in and OTP lockouts
# key on it): comma-separated addresses or networks, e.g. "127.0.0.1,10.0.0.0/8". Empty: the header is
# ignored and the direct peer is the client. The header is read only on requests from these proxies.
OSTAN_TRUSTED_PROXIES = os.environ.get("OSTAN_TRUSTED_PROXIES", "")
OSTAN_CLIENT_ADDRESS_HEADER = os.environ.get("OSTAN_CLIENT_ADDRESS_HEADER", "X-Forwarded-For")
parse_networks(OSTAN_TRUSTED_PROXIES)  # a mistyped proxy stops the start, not the first sign-in
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ostan_cache",
    }
}

# Every action writes exactly one audit entry; with this on, one that does not raises (tests, development).
OSTAN_AUDIT_STRICT = _flag("OSTAN_AUDIT_STRICT", DEBUG)

# Election day's writes (check-ins, ballots, minutes' signatures) are refused unless the database commits
# durably (fsync, synchronous_commit and full_page_writes on; see ostan.durability and README.md). On by
# default in production; tests and benchmarks against tools/pg.sh's fast server (fsync off) set it to 0.
OSTAN_REQUIRE_DURABLE = _flag("OSTAN_REQUIRE_DURABLE", not DEBUG)

# Text messages (OTP codes, tracking codes) leave through a pluggable backend.
OSTAN_SMS_BACKEND = os.environ.get("OSTAN_SMS_BACKEND", "ostan.accounts.sms.ConsoleBackend")
# Where ostan.accounts.sms.FileBackend writes (tests: a worker process and the test share the file).
OSTAN_SMS_FILE = os.environ.get("OSTAN_SMS_FILE", str(VAR_DIR / "sms.jsonl"))

# The bulletin board's Ed25519 signing key: a 32-byte seed as 64 hex digits. Without it only a DEBUG
# server publishes, with a fixed demo key; production must set it.
OSTAN_BULLETIN_KEY = os.environ.get("OSTAN_BULLETIN_KEY", "")
# The board's transparency log: its id inside every signed tree head, and how often a head is signed on
# election day (the periodic task ostan.publication.tasks.issue_tree_head, started by `manage.py tree_heads`).
OSTAN_LOG_ID = os.environ.get("OSTAN_LOG_ID", "ostan/board")
OSTAN_TREE_HEAD_SECONDS = float(os.environ.get("OSTAN_TREE_HEAD_SECONDS", "300"))
# The service desk's tracking codes (hex, at least 16 bytes); unset, a key is derived from SECRET_KEY.
OSTAN_TRACKING_KEY = os.environ.get("OSTAN_TRACKING_KEY", "")
# Files attached to service-desk requests: outside MEDIA_ROOT and the static files, served only by the desk's
# view after its access check. Reminders go to the holding organisation this many working days before a deadline.
OSTAN_DESK_FILES_DIR = Path(os.environ.get("OSTAN_DESK_FILES_DIR", VAR_DIR / "desk-files"))
OSTAN_DESK_REMINDER_DAYS = int(os.environ.get("OSTAN_DESK_REMINDER_DAYS", "2"))

# Seconds the kiosk shows a voter's receipt before clearing the screen for the next voter.
OSTAN_KIOSK_RESET_SECONDS = int(os.environ.get("OSTAN_KIOSK_RESET_SECONDS", "30"))
# Seconds without a touch or a key after which an open ballot is closed (its token still opens it again).
OSTAN_KIOSK_IDLE_SECONDS = int(os.environ.get("OSTAN_KIOSK_IDLE_SECONDS", "180"))

# Identity confirmation at the authentication device (fingerprint readers plug in here).
OSTAN_IDENTITY_VERIFIER = os.environ.get("OSTAN_IDENTITY_VERIFIER", "ostan.polling.identity.DemoVerifier")

# Background tasks (the service desk's text messages): kept in the database and run by `manage.py db_worker`.
# The demo and the test suite set OSTAN_TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend,
# which runs each task at once in the process that enqueued it.
TASKS = {"default": {"BACKEND": os.environ.get("OSTAN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# The address citizens reach the site at, for links in text messages (the survey of a closed request).
OSTAN_SITE_URL = os.environ.get("OSTAN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# A text message that fails is tried again after this many seconds, at most this many times in all.
OSTAN_NOTIFY_RETRY_SECONDS = float(os.environ.get("OSTAN_NOTIFY_RETRY_SECONDS", "60"))
OSTAN_NOTIFY_MAX_ATTEMPTS = int(os.environ.get("OSTAN_NOTIFY_MAX_ATTEMPTS", "5"))

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("OSTAN_LOG_LEVEL", "WARNING")},
}
