import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A file-based SQLite test database lets `--reuse-db` skip ~200 migrations locally.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
MEDIA_ROOT = BASE_DIR / ".cache" / "test-media"
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "transparenca_test")
# Tests that check live index updates switch this on for themselves.
SEARCH_AUTO_UPDATE = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backends"}}
# The demo's accounts, as `make run` creates them.
from .dev import DEMO_PASSWORD, DEMO_USERS  # noqa: E402,F401

# Tasks run in the enqueuing process; the journeys' live site runs a real
# `tasks_worker` beside runserver (tests/journeys/conftest.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
