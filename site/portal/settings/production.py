from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import PUBLIC_CONTENT_SECURITY_POLICY, SECRET_KEY, SSL_REDIRECT, STORAGES

if not SECRET_KEY or SECRET_KEY.startswith(("dev-only", "test-only")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment for production "
        "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

DEBUG = False
STORAGES = {
    # Keeps base's "default" and "documents" (documents outside MEDIA_ROOT).
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
CONTENT_SECURITY_POLICY = PUBLIC_CONTENT_SECURITY_POLICY
SECURE_SSL_REDIRECT = SSL_REDIRECT
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# A cache every gunicorn worker shares, so a rate limit of 60 a minute is 60, not
# 60 per worker. The database cache needs no new service (`manage.py
# createcachetable` creates its table); its incr is made atomic by
# core.database_cache. Expired rows are removed first when the table is full;
# MAX_ENTRIES is high so that live counters are not culled under many addresses.
CACHES = {
    "default": {
        "BACKEND": "core.database_cache.DatabaseCache",
        "LOCATION": "transparenca_cache",
        "OPTIONS": {"MAX_ENTRIES": 200_000},
    }
}
