"""Settings for the archive, read from the environment.

DATABASE_URL      PostgreSQL 15+; default: the project-local server of `make run`/`make test`
                  (tooling/localdb.py), listening on the socket in var/postgres
DATABASE_REPLICA_URLS comma-separated streaming replicas of it for readers' pages; REPLICA_*
                  their lag limit, probe interval, cool-down and read-your-writes window
DJANGO_SECRET_KEY required when DJANGO_DEBUG is off
DJANGO_DEBUG      "1"/"true" for development (the default), "0"/"false" in production
DJANGO_ALLOWED_HOSTS comma-separated, "*" allowed
DJANGO_DB_POOL    psycopg connection pool, on by default ("0" for CONN_MAX_AGE instead)
REDIS_URL / CACHE_URL  redis://host:port/db for the shared cache (local memory without it)
ARCHIVE_CACHE     "0" turns off the reader page and facet caches; ARCHIVE_PAGE_CACHE_SECONDS their lifetime
CELERY_BROKER_URL task queue for `import_seeds --queue` (default RabbitMQ on 127.0.0.1:5672)
IMPORT_QUEUE_ROOTS comma-separated folders queue workers may import from (default seeds/)
IMPORT_MAX_FILE_BYTES, IMPORT_MAX_LINE_CHARS, IMPORT_MAX_BATCH_BYTES  the import's limits
IMPORT_WORKERS    extraction processes of one import (default: one per core)
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "csp",
    "newsarchive.apps.LoginLockoutConfig",  # django-axes, named in Vietnamese
    "articles",
    # Benchmarks, drills and the synthetic corpus (`manage.py bench`, `generate_corpus`); the
    # archive's own code never imports it.
    "tooling",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsarchive.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsarchive.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view reads a parameter: PostgreSQL refuses NUL in text.
    "newsarchive.null_bytes.NullByteMiddleware",
    # Which database this request reads from (primary or a replica); unused without replicas.
    "newsarchive.replica_reads.ReplicaReadsMiddleware",
    # A signed-in user's successful write makes cached reader pages stale (articles.caching).
    "articles.caching.ArchiveVersionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsarchive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # Repeated fragments of the reader pages, compiled to Python (newsarchive.jinja2_fragments).
        "NAME": "fragments",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "fragments"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "newsarchive.jinja2_fragments.environment"},
    },
]
# Django's, with hidden inputs free of aria-* attributes (see newsarchive.form_renderer).
FORM_RENDERER = "newsarchive.form_renderer.ArchiveFormRenderer"

WSGI_APPLICATION = "newsarchive.wsgi.application"

# The project-local server (tooling/localdb.py) keeps its socket in its data folder.
LOCAL_DATABASE_URL = f"postgres://postgres@{quote(str(BASE_DIR / 'var' / 'postgres'), safe='')}/newsarchive"
DATABASE_POOL = env_flag("DJANGO_DB_POOL", True)
# Parameters bound by the server, so that the shapes chosen for it can run as prepared statements
# on a reused plan (articles/reused_plans.py). Off for a transaction-pooling PgBouncer without
# max_prepared_statements, which cannot keep them.
DATABASE_PREPARED_STATEMENTS = env_flag("DJANGO_DB_PREPARED_STATEMENTS", True)


def database_settings(variable: str, url: str, pooled: bool) -> dict:
    """One entry of DATABASES from a postgres:// URL (the primary's or a replica's)."""
    database = dj_database_url.parse(
        url, conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(f"{variable} must point at PostgreSQL 15 or later (postgres://…).")
    if DATABASE_PREPARED_STATEMENTS:
        # Server-side parameters, so that the few shapes whose plan cannot depend on their values
        # can be prepared and keep a generic plan (articles/reused_plans.py); every other statement
        # is left unprepared (psycopg's prepare_threshold None, Django's default, said here because
        # reused_plans depends on it) and planned for its values.
        # work_mem: with PostgreSQL's 4 MB, the bitmap of a common word's matches in the search
        # window went lossy and every article of 9,500 pages was rechecked (331 ms at 1M for "an
        # ninh mạng"; 107 ms with 16 MB, 84 ms with 64 MB). Behind a PgBouncer, which refuses
        # this startup option, set it on the database role instead (README, Settings).
        database.setdefault("OPTIONS", {}).update(
            server_side_binding=True,
            prepare_threshold=None,
            options="-c work_mem=32MB",
        )
    # psycopg's connection pool, one per process (a sync gunicorn worker uses one connection at
    # a time). Django refuses persistent connections alongside a pool.
    if pooled and DATABASE_POOL:
        database["CONN_MAX_AGE"] = 0
        database.setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DJANGO_DB_POOL_MIN", "1")),
            "max_size": int(os.environ.get("DJANGO_DB_POOL_MAX", "4")),
            "timeout": float(os.environ.get("DJANGO_DB_POOL_TIMEOUT", "10")),
        }
        # CONN_HEALTH_CHECKS (on above) makes Django give the pool check=ConnectionPool.check_connection:
        # a pooled connection is tested before each request, so after a PostgreSQL restart the dead
        # ones are replaced instead of failing a request each (see `make resilience`, restart drill).
    return database


DATABASES = {
    # An empty DATABASE_URL (`DATABASE_URL= make test`) means the default, as an unset one does.
    "default": database_settings("DATABASE_URL", os.environ.get("DATABASE_URL") or LOCAL_DATABASE_URL, pooled=True)
}

# Read replicas (docs/scaling.md, "Read replicas"): streaming standbys of the primary that
# anonymous readers' pages read from (newsarchive/db_router.py decides, per request). A replica
# that cannot be reached within REPLICA_CONNECT_TIMEOUT_SECONDS, or lags more than
# REPLICA_MAX_LAG_SECONDS, is left alone for REPLICA_COOLDOWN_SECONDS and reads go to the primary.
REPLICA_CONNECT_TIMEOUT_SECONDS = int(os.environ.get("REPLICA_CONNECT_TIMEOUT_SECONDS", "2"))
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "5"))
REPLICA_PROBE_SECONDS = float(os.environ.get("REPLICA_PROBE_SECONDS", "1"))
REPLICA_COOLDOWN_SECONDS = float(os.environ.get("REPLICA_COOLDOWN_SECONDS", "10"))
# After a write, the writer's reads stay on the primary this long: a replica serving reads is at
# most REPLICA_MAX_LAG_SECONDS behind, so by then it shows the write.
REPLICA_READ_YOUR_WRITES_SECONDS = float(os.environ.get("REPLICA_READ_YOUR_WRITES_SECONDS", "15"))
if REPLICA_READ_YOUR_WRITES_SECONDS < REPLICA_MAX_LAG_SECONDS:
    raise ImproperlyConfigured("REPLICA_READ_YOUR_WRITES_SECONDS must be at least REPLICA_MAX_LAG_SECONDS.")
REPLICA_URLS = [url.strip() for url in os.environ.get("DATABASE_REPLICA_URLS", "").split(",") if url.strip()]
for number, url in enumerate(REPLICA_URLS, start=1):
    # No pool for a replica: a pool waits its whole timeout for a server that refuses
    # connections, where a plain (persistent, health-checked) connection knows at once.
    replica = database_settings("DATABASE_REPLICA_URLS", url, pooled=False)
    replica.setdefault("OPTIONS", {})["connect_timeout"] = REPLICA_CONNECT_TIMEOUT_SECONDS
    # Tests run on the primary's test database; a replica stands for the same data.
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
DATABASE_ROUTERS = ["newsarchive.db_router.ReplicaRouter"] if REPLICA_URLS else []

# Cache: Redis when REDIS_URL (or CACHE_URL) is set, shared by the web workers and the importer;
# otherwise this process's memory, so `make run` needs nothing. Reader pages and facet counts are
# cached under an archive version that imports and edits bump (articles/caching.py). With the
# local-memory cache an import in another process cannot reach the web workers, so pages are then
# kept 30 s by default instead of 10 minutes. ARCHIVE_CACHE=0 turns the page and facet caches off.
CACHE_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "articles.cache_backend.ArchiveRedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL:
    raise ImproperlyConfigured("REDIS_URL/CACHE_URL must be a redis:// or rediss:// URL.")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "archive"}}
ARCHIVE_CACHE = env_flag("ARCHIVE_CACHE", True)
ARCHIVE_PAGE_CACHE_SECONDS = int(os.environ.get("ARCHIVE_PAGE_CACHE_SECONDS", "600" if CACHE_URL else "30"))
# How long a process trusts the archive version it read before asking the cache again.
ARCHIVE_VERSION_MEMO_SECONDS = float(os.environ.get("ARCHIVE_VERSION_MEMO_SECONDS", "1.0"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Task queue for imports fanned out over worker machines (`import_seeds --queue`, docs/scaling.md).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "rpc://")
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A batch is acknowledged when its worker is done with it. A worker killed mid-batch fails the
# batch (not requeued: a file that kills workers would otherwise take them all down in turn);
# the command says so, what was stored was stored whole, and running it again finishes the job.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = False
# Folders queue workers may read seed files from: a message naming any other file is refused, so
# whoever can publish to the broker cannot make a worker publish, say, /etc/passwd as an article.
IMPORT_QUEUE_ROOTS = [
    Path(root).resolve() for root in os.environ.get("IMPORT_QUEUE_ROOTS", str(BASE_DIR / "seeds")).split(",") if root
]
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 5

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# History rows say why they were written (articles/curation.py): a merge names what moved and
# the names it added, longer than simple-history's default 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"

# Failed logins (the site's /accounts/login/ and the admin's): django-axes locks a username from
# one address after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_TIME, with a 429 and the
# lockout page. Username and address together, so nobody can lock a curator out from elsewhere.
# The address is REMOTE_ADDR (axes' default): behind the proxy that is the proxy's, and the lock
# is then per username.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Content-Security-Policy (django-csp): no inline script or style anywhere; pages use only the
# site's own static files. The SVG charts carry their own <style>: their view replaces the
# policy for that response only (articles/views/charts.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Production hardening: on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Behind a TLS-terminating proxy the redirect is the proxy's job; it stays configurable.
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    if env_flag("DJANGO_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # Django's own loggers print through the root handler only: with their default console
    # handler as well, every warning of the development server appeared twice.
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

# The import's limits (articles/importer/run.py says why these sizes).
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", 1024 * 1024))
IMPORT_MAX_LINE_CHARS = int(os.environ.get("IMPORT_MAX_LINE_CHARS", 100_000))
IMPORT_MAX_BATCH_BYTES = int(os.environ.get("IMPORT_MAX_BATCH_BYTES", 64 * 1024 * 1024))
IMPORT_WORKERS = int(os.environ.get("IMPORT_WORKERS", os.cpu_count() or 1))
