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
