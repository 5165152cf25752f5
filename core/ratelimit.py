"""Fixed-window rate limits per client address: the one limiter of the project.

Limits are named and configured in `settings.RATE_LIMITS` as
`{"name": (requests, seconds)}`; a missing name means no limit. Counts live in
the cache `settings.RATE_LIMIT_CACHE` ("default"), which must be shared by every
worker process and increment atomically: production uses
`core.database_cache.DatabaseCache`; Redis or Memcached would do as well.
"""

import functools
import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger("transparenca.ratelimit")


def trusted_proxies():
    """How many proxies in front of the site append to X-Forwarded-For.

    `RATE_LIMIT_TRUST_X_FORWARDED_FOR` is a count; True means one proxy."""
    value = getattr(settings, "RATE_LIMIT_TRUST_X_FORWARDED_FOR", 0)
    return int(value) if value else 0


def client_address(request):
    """The client's address.

    Behind N trusted proxies, each appends the address it saw to
    X-Forwarded-For, so the N-th entry from the right was written by the
    outermost trusted proxy: the client as seen from outside. Everything left of
    it came from the client and may be made up, so it is never used."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = trusted_proxies()
    if not proxies:
        return remote
    entries = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if not entries:
        return remote
    # Fewer entries than proxies: the request skipped the outer proxies, so the
    # left-most entry is the nearest proxy's view of its sender.
    candidate = entries[max(0, len(entries) - proxies)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def hit(name, address, now=None, limit=None):
    """Count one request; return seconds to wait if over the limit, else 0.

    Args:
        name: the limit's name in `settings.RATE_LIMITS`.
        address: the client address (see `client_address`).
        now: the time in seconds (the clock by default).
        limit: `(requests, seconds)` instead of the setting.

    Raises DatabaseError when a database cache cannot count."""
    limit = limit or getattr(settings, "RATE_LIMITS", {}).get(name)
    if not limit:
        return 0
    requests, seconds = limit
    now = int(now if now is not None else time.time())
    window = now // seconds
    digest = hashlib.sha256(address.encode()).hexdigest()[:16]
    key = f"ratelimit:{name}:{digest}:{window}"
    cache = caches[getattr(settings, "RATE_LIMIT_CACHE", "default")]
    # add() never overwrites and incr() is atomic in every shared backend, so
    # concurrent workers each get their own count.
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
    if as_json:
        response = JsonResponse({"error": message}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain")
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(name, methods=None, as_json=True):
    """Decorate a view so that each client address gets `RATE_LIMITS[name]`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if methods is None or request.method in methods:
                try:
                    retry_after = hit(name, client_address(request))
                except DatabaseError as error:
                    # A counter that cannot be written must not turn the page
                    # into a 500; the request is served uncounted.
                    logger.warning("rate limit %s not counted: %s", name, error)
                    retry_after = 0
                if retry_after:
                    return too_many_requests(retry_after, as_json=as_json)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
