"""A Wagtail site that is not this repository's `site/`: the smallest settings a
Wagtail developer writes to install Transparenca's apps (README, "Add
Transparenca to your own Wagtail site"). Wagtail's default image, document and
user models; its own SQLite file and index prefix (both from the environment,
set by tests/installable/test_installable.py)."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

HERE = Path(__file__).resolve().parent
SECRET_KEY = "installable-test-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ROOT_URLCONF = "installable_site.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["INSTALLABLE_DB"],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    # Transparenca
    "core",
    "municipal_acts",
    "press",
    "sessions.apps.AssemblySessionsConfig",
    "reports",
    "access_requests",
    "search",
    "localization",
    # what they build on
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
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
    "rest_framework",
    "simple_history",
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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

LANGUAGE_CODE = "sq"
LANGUAGES = [("sq", _("Albanian")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Belgrade"
STATIC_URL = "/static/"
MEDIA_ROOT = os.environ.get("INSTALLABLE_MEDIA", str(HERE / "media"))
WAGTAIL_SITE_NAME = "Another municipality"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Tasks run in the publishing process here; a real site runs `db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Transparenca's own settings (README lists each with its default)
TRANSPARENCA_MUNICIPALITY = {
    "slug": "kamenice",
    "names": {"sq": "Komuna e Kamenicës", "en": "Municipality of Kamenica"},
}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
ELASTICSEARCH_CLIENT_OPTIONS = {"timeout": 5}
SEARCH_INDEX_PREFIX = os.environ["INSTALLABLE_INDEX_PREFIX"]
RATE_LIMITS = {
    "search_api": (1000, 60),
    "suggest_api": (1000, 60),
    "public_post": (100, 3600),
    "login": (100, 600),
    "stats_api": (100, 60),
    "parity_api": (100, 60),
}
RATE_LIMIT_CACHE = "default"
DIRECT_PUBLISH_GROUPS = []
