"""Trellis settings: one module, read from environment variables with safe defaults."""

import sys
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF

from lib.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_off,
    env_rate,
    env_secret,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TRELLIS_VAR_DIR", str(BASE_DIR / "var")))

# pytest imports these settings itself, so a test run needs no variable to pick the test mode.
ENV = env_choice(
    "TRELLIS_ENV",
    ("development", "test", "production"),
    "test" if "pytest" in sys.modules else "development",
)
PRODUCTION = ENV == "production"
TESTING = ENV == "test"

if PRODUCTION:
    SECRET_KEY = env_secret(
        "TRELLIS_SECRET_KEY",
        min_length=50,
        hint=' Make one with: python3 -c "import secrets; print(secrets.token_urlsafe(50))"',
    )
    ALLOWED_HOSTS = env_list("TRELLIS_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        env_secret("TRELLIS_ALLOWED_HOSTS")
else:
    SECRET_KEY = env_str("TRELLIS_SECRET_KEY", "development-only-key-never-use-in-production")
    ALLOWED_HOSTS = env_list("TRELLIS_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]")

DEBUG = (
    env_off("TRELLIS_DEBUG", "in production: debug pages show settings, code and data to anyone")
    if PRODUCTION
    else env_bool("TRELLIS_DEBUG", ENV == "development")
)
PORT = env_int("PORT", 8000)
# Signed credentials and issuer identifiers carry it for good: production must name it.
SITE_URL = (
    env_secret("TRELLIS_SITE_URL")
    if PRODUCTION
    else env_str("TRELLIS_SITE_URL", f"http://127.0.0.1:{PORT}")
).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "organisations",
    "assessments",
    "frameworks",
    "credentials",
    "learning",
    "plans",
    "api",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "trellis.urls"
WSGI_APPLICATION = "trellis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        # Set but empty means the default, as when unset (`TRELLIS_DATABASE_URL= make test`).
        env_str("TRELLIS_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'trellis.sqlite3'}",
        conn_max_age=env_int("TRELLIS_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker write while pages read; a busy timeout waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttling (django-ratelimit's counters): sign-in attempts and public verifications. The
# counters live in files under var/ so every gunicorn worker on the host shares them, with no
# extra service; the default cache stays in memory for speed. See docs/decisions.md.
# The district overview keeps one small entry per school's latest assessment: a state has
# thousands, far above Django's default of 300 entries, which would evict them on every visit.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    "throttle": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}
        if TESTING
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "throttle"),
        }
    ),
}
RATELIMIT_USE_CACHE = "throttle"
RATELIMIT_ENABLE = env_bool("TRELLIS_THROTTLE", not TESTING)
# The header a trusted proxy puts the client's address in (e.g. HTTP_X_REAL_IP); else REMOTE_ADDR.
RATELIMIT_IP_META_KEY = env_str("TRELLIS_CLIENT_IP_HEADER", "") or None
# Failed sign-ins allowed per client address (all accounts) and per account from one address (or
# one known browser) before that address pauses; per account from all addresses before a browser
# new to the account waits SIGN_IN_WAIT_SECONDS for each try (see docs/decisions.md).
SIGN_IN_RATE = env_rate("TRELLIS_SIGN_IN_RATE", "10/m")
SIGN_IN_ACCOUNT_ADDRESS_RATE = env_rate("TRELLIS_SIGN_IN_ACCOUNT_ADDRESS_RATE", "5/15m")
SIGN_IN_ACCOUNT_RATE = env_rate("TRELLIS_SIGN_IN_ACCOUNT_RATE", "20/h")
SIGN_IN_WAIT_SECONDS = env_int("TRELLIS_SIGN_IN_WAIT_SECONDS", 10)
# Password-reset requests per client address, and reset emails per account.
PASSWORD_RESET_RATE = env_rate("TRELLIS_PASSWORD_RESET_RATE", "10/h")
PASSWORD_RESET_ACCOUNT_RATE = env_rate("TRELLIS_PASSWORD_RESET_ACCOUNT_RATE", "3/h")
# Verifications of pasted or uploaded credentials per client address (each one is CPU work).
VERIFY_RATE = env_rate("TRELLIS_VERIFY_RATE", "30/m")

AUTH_USER_MODEL = "organisations.Person"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Tests create hundreds of accounts; argon2 is exercised by its own test.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TRELLIS_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(env_str("TRELLIS_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/files/"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if env_choice("TRELLIS_STORAGE", ("local", "s3"), "local") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_secret("TRELLIS_S3_BUCKET"),
            "endpoint_url": env_str("TRELLIS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("TRELLIS_S3_REGION") or None,
            "access_key": env_str("TRELLIS_S3_ACCESS_KEY"),
            "secret_key": env_str("TRELLIS_S3_SECRET_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Outside production, serve static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
UPLOAD_MAX_BYTES = env_int("TRELLIS_UPLOAD_MAX_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Larger uploads stream to a file here; each process start removes files a killed worker left.
FILE_UPLOAD_TEMP_DIR = str(VAR_DIR / "tmp" / "uploads")

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("TRELLIS_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_HOST = env_str("TRELLIS_EMAIL_HOST")
EMAIL_PORT = env_int("TRELLIS_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("TRELLIS_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("TRELLIS_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("TRELLIS_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = env_str("TRELLIS_FROM_EMAIL", "Trellis <no-reply@trellis.example>")
INVITATION_DAYS = env_int("TRELLIS_INVITATION_DAYS", 14)

TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[
            env_choice(
                "TRELLIS_TASKS", ("database", "immediate"), "immediate" if TESTING else "database"
            )
        ]
    }
}

# Fernet keys that encrypt issuers' signing keys at rest; the first encrypts, all decrypt.
KEY_ENCRYPTION_KEYS = (
    env_list("TRELLIS_KEY_ENCRYPTION_KEY")
    if PRODUCTION
    else env_list("TRELLIS_KEY_ENCRYPTION_KEY", "")
)
if PRODUCTION and not KEY_ENCRYPTION_KEYS:
    env_secret("TRELLIS_KEY_ENCRYPTION_KEY")
# Verifying a credential from another site may fetch its issuer's key document over HTTPS.
VERIFY_FETCH_REMOTE = env_bool("TRELLIS_VERIFY_FETCH_REMOTE", False)

# Security headers apply everywhere; the transport ones only behind HTTPS in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "lib.sessions"  # a forged session cookie is no session, not a server error
CSRF_COOKIE_HTTPONLY = False
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF, "https://www.linkedin.com"],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("TRELLIS_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("TRELLIS_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("TRELLIS_CSRF_TRUSTED_ORIGINS", SITE_URL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TRELLIS_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
