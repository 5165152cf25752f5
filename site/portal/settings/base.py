"""Settings shared by every environment.

Environment variables are read here and nowhere else; the other settings modules
only choose values for their environment.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PORTAL_DIR = Path(__file__).resolve().parent.parent
SITE_DIR = PORTAL_DIR.parent
BASE_DIR = SITE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


# --- Environment -------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite must take several gunicorn workers filing at once. WAL lets readers
    # run beside the one writer; BEGIN IMMEDIATE takes the write lock when a
    # transaction starts, so the busy timeout applies (a deferred transaction
    # that reads first and writes later fails at once with "database is locked"
    # when another writer got in between); a writer waits up to `timeout`
    # seconds, and past that the citizen gets a "please try again" page.
    # synchronous stays FULL: a receipt shown must survive a power cut.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "15")),
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )
# One process (runserver) needs no more than memory. Rate limits count in this
# cache, so several worker processes need a shared one: production.py uses the
# database cache (`manage.py createcachetable`).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
# Production redirects HTTP to HTTPS unless a proxy in front already does.
SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "transparenca")
# Shards and replicas of the transparency index (issue 15). One shard and no
# replica suit the single node; a three-node cluster wants SEARCH_REPLICAS=1 so
# every shard survives the loss of a node (README, "A national deployment").
SEARCH_SHARDS = int(os.environ.get("SEARCH_SHARDS", "1"))
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "transparenca@localhost")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))

# --- Applications ------------------------------------------------------------
INSTALLED_APPS = [
    # Site-wide code (source root: site/)
    "accounts",
    "media_library",
    "home",
    # Reusable domain apps (a plugin other Wagtail sites can install)
    "core",
    "municipal_acts",
    "press",
    "sessions.apps.AssemblySessionsConfig",
    "search",
    "reports",
    "localization",
    "access_requests",
    # External sources (Plone, other Transparenca sites, push) in the one index
    "sources",
    # Django's task framework (backport) with its database queue and worker
    "django_tasks",
    "django_tasks_db",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "simple_history",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddlewareKeeping404s",
    # A draft translation's address says "not yet available" (l10n).
    "localization.middleware.NotYetTranslatedMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
WAGTAILIMAGES_IMAGE_MODEL = "media_library.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.CustomDocument"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{VALIDATORS}.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------
# Albanian is the source language; Serbian and Turkish are official languages in
# Gjilan; English is a courtesy translation.
LANGUAGE_CODE = "sq"
LANGUAGES = [
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("tr", _("Turkish")),
    ("en", _("English")),
]
OFFICIAL_LANGUAGES = ["sq", "sr", "tr"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Belgrade"

# --- Static and media --------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STATICFILES_DIRS = [PORTAL_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Documents: outside MEDIA_ROOT and without a public URL, so that only
    # Wagtail's serve view, which checks collection view restrictions, hands
    # them out (site/media_library/storage.py).
    "documents": {"BACKEND": "media_library.storage.PrivateDocumentStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Documents, background tasks, text extraction -----------------------------
# Empty: `<MEDIA_ROOT>-private` beside MEDIA_ROOT. Never serve it with nginx.
PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", "")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Work that is not the request's (text extraction, Wagtail's reference index and
# admin search updates) goes to a database queue run by `manage.py tasks_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Caps of the text-extraction child process (search.extract.Limits).
SEARCH_EXTRACTION_LIMITS = {
    "uncompressed_bytes": 64 * 1024 * 1024,
    "pages": 1000,
    "chars": 1_000_000,
    "cpu_seconds": 30,
    "wall_seconds": 60,
    "memory_bytes": 512 * 1024 * 1024,
}

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Transparenca"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "ods"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Translation due dates: N working days after the source is published, counted
# by a swappable calendar function (dotted path).
LOCALIZATION_DUE_WORKING_DAYS = int(
    os.environ.get("LOCALIZATION_DUE_WORKING_DAYS", "5")
)
LOCALIZATION_CALENDAR = "core.calendar.add_working_days"

# --- Translation publishing, slugs, admin languages, four-eyes review (l10n) ---
# "Translate this page" creates drafts: a translation goes live only when a
# translator publishes it (the default copies the source's live status).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# ASCII slugs in every language (ë → e, ç → c); Django's slugify transliterates
# server-side and Wagtail's slug widget in the browser.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail ships Turkish but no Albanian or Serbian catalogue; this project's own
# admin strings are translated in all three, so every content language is
# offered (Wagtail's own strings show in English in sq and sr).
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("sq", "Shqip"),
    ("sr", "Srpski"),
    ("tr", "Türkçe"),
    ("en", "English"),
]
# Groups that publish directly in every section that has no four-eyes review
# (municipal_acts.workflows.sync_publish_permissions).
DIRECT_PUBLISH_GROUPS = ["Editors", "Moderators"]
# An approved review publishes even though its reviewers lack `publish` there.
WAGTAIL_FINISH_WORKFLOW_ACTION = "localization.publishing.publish_approved"
# Headless API (core/api.py): absolute URLs and the largest page of results.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

ELASTICSEARCH_CLIENT_OPTIONS = {
    "timeout": ELASTICSEARCH_TIMEOUT,
    **({"api_key": ELASTICSEARCH_API_KEY} if ELASTICSEARCH_API_KEY else {}),
    **({"ca_certs": ELASTICSEARCH_CA_CERTS} if ELASTICSEARCH_CA_CERTS else {}),
    **(
        {"basic_auth": (ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD)}
        if ELASTICSEARCH_USERNAME
        else {}
    ),
}


# Wagtail's admin search runs on the database (core/search_backends.py): its
# index rows are written with the pages, so it cannot drift from them, and it
# folds diacritics and inflections. Citizens, `/api/v2/pages/?search=` and the
# access-request suggestions use the unified transparency index (search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backends"}}
ACCESS_REQUEST_SUGGESTER = "access_requests.suggestions.transparency_search"

# Public pages only: the Wagtail admin needs inline scripts. YouTube embeds use the
# privacy-enhanced domain. Enabled in production settings.
CONTENT_SECURITY_POLICY = None
CONTENT_SECURITY_POLICY_EXCLUDE = ("/admin/", "/django-admin/")
PUBLIC_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "frame-src https://www.youtube-nocookie.com",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)

# Requests per client address: (count, seconds). Tune per deployment.
RATE_LIMITS = {
    "search_api": (120, 60),
    "suggest_api": (300, 60),
    "public_post": (10, 3600),
    # Password and login forms (admin, private pages): POSTs only.
    "login": (20, 600),
    # JSON reports computed on every request.
    "stats_api": (60, 60),
    "parity_api": (30, 60),
}
# The cache the limits count in; it must be shared by every worker process.
RATE_LIMIT_CACHE = "default"
# How many proxies in front of the site append to X-Forwarded-For (0: none;
# "true" means 1). Only the entry the outermost one wrote is believed.
_trusted = os.environ.get("RATE_LIMIT_TRUST_X_FORWARDED_FOR", "").strip()
RATE_LIMIT_TRUST_X_FORWARDED_FOR = (
    int(_trusted)
    if _trusted.isdigit()
    else int(env_bool("RATE_LIMIT_TRUST_X_FORWARDED_FOR"))
)

# Access to public documents (Law No. 06/L-081): working days, extension, urgency.
ACCESS_REQUEST_ANSWER_WORKING_DAYS = 7
ACCESS_REQUEST_MAX_EXTENSION_DAYS = 15
ACCESS_REQUEST_URGENT_HOURS = 48
ACCESS_REQUEST_OFFICER_EMAILS = env_list("ACCESS_REQUEST_OFFICER_EMAILS")

# Working days everywhere (reports, translation due dates) skip the holidays in
# core's Holiday table (core.calendar); no provider setting is needed.

# The municipality a site publishes for when its admin setting (Settings ->
# Municipality, core.municipality) leaves a field empty: the one place the
# default name is written. `slug` is the `municipality` of search documents.
TRANSPARENCA_MUNICIPALITY = {
    "slug": "gjilan",
    "names": {
        "sq": "Komuna e Gjilanit",
        "sr": "Opština Gnjilane",
        "tr": "Gilan Belediyesi",
        "en": "Municipality of Gjilan",
    },
}
TRANSPARENCA_ACCESS_REQUEST_STATISTICS = "access_requests.stats.statistics"

# Sharing (core/includes/social_meta.html): the static image Facebook shows for
# a page without its own social image; empty for none.
SOCIAL_DEFAULT_IMAGE = "img/social-default.png"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "transparenca": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- External sources (sources app) ----------------------------------------
# Webhooks and pushes come from a few CMS servers, not citizens: generous limits.
RATE_LIMITS["sources_webhook"] = (600, 60)
RATE_LIMITS["sources_push"] = (120, 60)
