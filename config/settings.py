"""Django settings for DPO Desk, read from the environment.

With no variables set the project runs on an embedded default: DEBUG on, SQLite under var/, files under
var/media/, e-mail printed to the console and Celery tasks run eagerly in the web process. The production
shape sets DEBUG=off, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (PostgreSQL) and REDIS_URL (broker and cache).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
# Local state of the embedded default: the SQLite database and uploaded or generated files.
VAR_DIR = Path(os.environ.get("DPO_DESK_VAR_DIR") or BASE_DIR / "var")
(VAR_DIR / "media").mkdir(parents=True, exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

# NOTE: a fixed key is used only when DEBUG is on, so sessions survive restarts in development.
# `check --deploy` flags it, and production refuses to start without SECRET_KEY.
if "SECRET_KEY" in os.environ:
    SECRET_KEY = env.str("SECRET_KEY")
elif DEBUG:
    SECRET_KEY = "django-insecure-development-only-key-never-used-when-debug-is-off"
else:
    raise ImproperlyConfigured("SECRET_KEY is missing. Set it in the environment when DEBUG is off.")

if DEBUG:
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
elif "ALLOWED_HOSTS" in os.environ:
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
else:
    raise ImproperlyConfigured("ALLOWED_HOSTS is missing. Set it to the site's host names when DEBUG is off.")

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    # Third-party
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "django_htmx",
    "django_countries",
    "csp",
    # Project
    "config.apps.ProjectConfig",
    "accounts",
    "organisations",
    "services",
    "records",
    "dpia",
    "reports",
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
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "organisations.context_processors.current_organisation",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another one (PostgreSQL in production).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail is the login; verification is mandatory outside development.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = (
    env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory") if DEBUG else "mandatory"
)
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[DPO Desk] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's rate limits stay on with its defaults (login failures, sign-ups, password resets, confirmations),
# so ACCOUNT_RATE_LIMITS is deliberately not set.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "DPO Desk"

# E-mail: printed to the console unless EMAIL_URL names an SMTP server.
if "EMAIL_URL" in os.environ:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="DPO Desk <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation: English first; French, German and Spanish follow.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("de", _("German")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# European date formats for English (config/formats/en/formats.py) instead of Django's American ones.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Brussels")
USE_I18N = True
USE_TZ = True

# Static files come from the npm packages (node_modules) and static/, served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded and generated files are never served by URL: every download goes through a view that checks
# the membership of the file's organisation.
MEDIA_URL = "/media-not-served/"
if "AWS_STORAGE_BUCKET_NAME" in os.environ:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Cache and Celery: Redis when REDIS_URL is set, otherwise in-process.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True


def _redact_url(url):
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


CELERY_BROKER_URL_REDACTED = _redact_url(CELERY_BROKER_URL)
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Queue that tasks are sent to and that workers started without --queues consume ("celery" is Celery's default).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Time limits in seconds; report tasks set their own, longer ones.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
# A worker child is replaced once its resident memory passes this many kilobytes (a leak cannot grow forever).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=1_000_000)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {}

# Reports (PDF rendering in the workers). A claimed job holds a lease of REPORTS_TIME_LIMIT + 60 s; the reaper
# requeues jobs whose lease expired (their worker died) every REPORTS_REAPER_INTERVAL seconds, so a killed
# worker delays a report by minutes. A job fails for good after REPORTS_MAX_ATTEMPTS claims.
REPORTS_SOFT_TIME_LIMIT = env.int("REPORTS_SOFT_TIME_LIMIT", default=240)
REPORTS_TIME_LIMIT = env.int("REPORTS_TIME_LIMIT", default=300)
REPORTS_LEASE_SECONDS = env.int("REPORTS_LEASE_SECONDS", default=REPORTS_TIME_LIMIT + 60)
REPORTS_REAPER_INTERVAL = env.int("REPORTS_REAPER_INTERVAL", default=60)
REPORTS_MAX_ATTEMPTS = env.int("REPORTS_MAX_ATTEMPTS", default=3)
REPORTS_MAX_UNFINISHED_PER_ORGANISATION = env.int("REPORTS_MAX_UNFINISHED_PER_ORGANISATION", default=10)
# Rendered files are deleted this many days after rendering; the job rows and checksums stay.
REPORTS_FILE_RETENTION_DAYS = env.int("REPORTS_FILE_RETENTION_DAYS", default=90)
# Limits of the report URL fetcher, in bytes: allow-listed asset files and inline data: URLs.
REPORTS_MAX_ASSET_BYTES = env.int("REPORTS_MAX_ASSET_BYTES", default=5 * 1024 * 1024)
REPORTS_MAX_DATA_URL_BYTES = env.int("REPORTS_MAX_DATA_URL_BYTES", default=64 * 1024)
# Test hooks, honoured only with DEBUG on: the render waits while REPORTS_TEST_BLOCK_FILE exists, and kills
# its own worker process when REPORTS_TEST_CRASH_FILE exists.
REPORTS_TEST_BLOCK_FILE = env.str("REPORTS_TEST_BLOCK_FILE", default="")
REPORTS_TEST_CRASH_FILE = env.str("REPORTS_TEST_CRASH_FILE", default="")
CELERY_BEAT_SCHEDULE["reports-reap-expired-leases"] = {
    "task": "reports.tasks.reap_report_jobs",
    "schedule": REPORTS_REAPER_INTERVAL,
}
CELERY_BEAT_SCHEDULE["reports-cleanup-old-files"] = {
    "task": "reports.tasks.cleanup_report_files",
    "schedule": 3600,
}
if REDIS_URL:
    # With late acknowledgement a message stays unacknowledged while its task runs, and Redis hands it to
    # another worker after visibility_timeout (default 3600 s). It must exceed the longest task (report hard
    # limit) plus the longest retry countdown, or a running report would be delivered twice. Recovery from a
    # dead worker does not wait for it: the reports reaper requeues expired leases.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=max(900, REPORTS_TIME_LIMIT * 2))
    }

# REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "DPO Desk API",
    "DESCRIPTION": "Vendor register, records of processing activities, DPIAs and the service catalogue.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that several serializers share get one named enum each in the schema.
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "organisations.roles.Role",
        "ServiceStatusEnum": "services.choices.Status",
        "ServiceCategoryEnum": "services.choices.ServiceCategory",
        "ConsentCategoryEnum": "services.choices.ConsentCategory",
        "RiskLevelEnum": "services.choices.RiskLevel",
        "PersonalDataCategoryEnum": "services.choices.PersonalDataCategory",
        "DataSubjectCategoryEnum": "services.choices.DataSubjectCategory",
        "RegulationEnum": "services.choices.Regulation",
        "CatalogueSafeguardEnum": "services.choices.Safeguard",
        "VendorUseStatusEnum": "records.choices.VendorUseStatus",
        "VendorRoleEnum": "records.choices.VendorRole",
        "ActivityStatusEnum": "records.choices.ActivityStatus",
        "LegalBasisEnum": "records.choices.LegalBasis",
        "TransferSafeguardEnum": "records.choices.TransferSafeguard",
        "ChecklistStatusEnum": "records.choices.ChecklistStatus",
        "ReportJobStatusEnum": "reports.models.ReportJob.Status",
        "DpiaStatusEnum": "dpia.choices.DpiaStatus",
        "DpiaActionStatusEnum": "dpia.choices.ActionStatus",
        "DpiaLevelEnum": "dpia.choices.Level",
        "CountryEnum": "django_countries.countries",
    },
    # One schema name per choice set shared by several fields, instead of names derived from field names
    # (which collide, such as "status" or "role", and make `check --deploy` warn).
}

# Security headers. The Content-Security-Policy allows only this site's own scripts, styles and images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env.bool("BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Invitations to an organisation expire after this many days.
INVITATION_MAX_AGE_DAYS = env.int("INVITATION_MAX_AGE_DAYS", default=7)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
