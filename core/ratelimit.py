"""Fixed-window rate limits per client address, kept in Django's cache.

Limits are named and configured in `settings.RATE_LIMITS` as
`{"name": (requests, seconds)}`; a missing name means no limit.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import gettext as _


def client_address(request):
    """The client's address; behind a proxy, the last hop it added."""
    if getattr(settings, "RATE_LIMIT_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(name, address, now=None):
    """Count one request; return seconds to wait if over the limit, else 0."""
    limit = getattr(settings, "RATE_LIMITS", {}).get(name)
    if not limit:
        return 0
    requests, seconds = limit
    now = int(now if now is not None else time.time())
    window = now // seconds
    digest = hashlib.sha256(address.encode()).hexdigest()[:16]
    key = f"ratelimit:{name}:{digest}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    if count > requests:
        return (window + 1) * seconds - now
    return 0


def too_many_requests(retry_after, as_json=True):
    message = _("Too many requests. Please wait %(seconds)s seconds and try again.") % {
        "seconds": retry_after
    }
    response = JsonResponse({"error": message}, status=429)
    if not as_json:
        from django.http import HttpResponse

        response = HttpResponse(message, status=429, content_type="text/plain")
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(name, methods=None, as_json=True):
    """Decorate a view so that each client address gets `RATE_LIMITS[name]`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if methods is None or request.method in methods:
                retry_after = hit(name, client_address(request))
                if retry_after:
                    return too_many_requests(retry_after, as_json=as_json)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
