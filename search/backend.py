"""Connection to the transparency index: client, circuit breaker, alias."""

import logging
import threading
import time

from django.conf import settings
from django.utils import timezone

from .analysis import index_mappings, index_settings

logger = logging.getLogger("transparenca.search")

# Editors must never wait for an unreachable node: one second to connect and
# answer, no retries, then the breaker keeps further calls away for a while.
INDEX_TIMEOUT = 1.0
SEARCH_TIMEOUT = 3.0
BREAKER_COOLDOWN = 15.0


class SearchUnavailable(Exception):
    """Elasticsearch cannot be used right now (down, slow or breaker open)."""


class CircuitBreaker:
    """Opens after `threshold` consecutive failures; half-opens after `cooldown`."""

    def __init__(self, threshold=1, cooldown=BREAKER_COOLDOWN):
        self.threshold = threshold
        self.cooldown = cooldown
        self.failures = 0
        self.opened_at = None
        self.lock = threading.Lock()

    def allow(self):
        with self.lock:
            if self.opened_at is None:
                return True
            # Half-open: let one call through after the cooldown.
            return time.monotonic() - self.opened_at >= self.cooldown

    def success(self):
        with self.lock:
            self.failures = 0
            self.opened_at = None

    def failure(self):
        with self.lock:
            self.failures += 1
            if self.failures >= self.threshold:
                self.opened_at = time.monotonic()

    def reset(self):
        self.success()

    @property
    def is_open(self):
        return not self.allow()


# Editors publishing: one failure is enough to stop waiting. Citizens searching:
# one slow answer under load must not send everyone to the degraded search.
breaker = CircuitBreaker(threshold=1)
search_breaker = CircuitBreaker(threshold=3)


def reset_breakers():
    breaker.reset()
    search_breaker.reset()


def alias_name():
    return f"{settings.SEARCH_INDEX_PREFIX}_transparency"


def client(timeout=INDEX_TIMEOUT):
    """The project's one client (core.elasticsearch_client). A caller behind the
    breaker must learn at once that the cluster is gone: a failed node is retried
    only on the other nodes, once each, and a timeout is never retried."""
    from core.elasticsearch_client import get_client, nodes

    retries = max(len(nodes(settings.ELASTICSEARCH_URL)) - 1, 0)
    return get_client(timeout=timeout, max_retries=retries, retry_on_timeout=False)


_shared = {}
_shared_lock = threading.Lock()


def shared_client(timeout=INDEX_TIMEOUT):
    """A client kept for the process (per timeout and node list), so a search
    doesn't open a new connection pool and TCP connection each time. The client
    is thread-safe; a forked worker (gunicorn) builds its own (keyed by pid)."""
    import os

    options = getattr(settings, "ELASTICSEARCH_CLIENT_OPTIONS", {})
    key = (os.getpid(), settings.ELASTICSEARCH_URL, repr(options), timeout)
    with _shared_lock:
        es = _shared.get(key)
        if es is None:
            es = _shared[key] = client(timeout)
    return es


def call(operation, timeout=INDEX_TIMEOUT, guard=None):
    """Run `operation(es)` behind a circuit breaker; SearchUnavailable if not."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    breaker = guard or globals()["breaker"]
    if not breaker.allow():
        raise SearchUnavailable("circuit open")
    es = shared_client(timeout)
    try:
        result = operation(es)
    except TransportError as error:
        breaker.failure()
        logger.warning("Elasticsearch unreachable: %s", error)
        raise SearchUnavailable(str(error)) from error
    except ApiError as error:
        if getattr(error, "status_code", 500) >= 500:
            breaker.failure()
            raise SearchUnavailable(str(error)) from error
        raise
    breaker.success()
    return result


def new_index_name():
    return f"{alias_name()}_{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(es, name):
    es.indices.create(index=name, settings=index_settings(), mappings=index_mappings())


def ensure_index(es):
    """Create the first physical index and its alias if there is none yet."""
    alias = alias_name()
    if es.indices.exists_alias(name=alias):
        return alias
    name = new_index_name()
    create_index(es, name)
    es.indices.put_alias(index=name, name=alias)
    return alias


def indices_behind_alias(es):
    alias = alias_name()
    if not es.indices.exists_alias(name=alias):
        return []
    return list(es.indices.get_alias(name=alias))


def physical_indices(es):
    """Every physical index of the alias, including one a rebuild is filling.

    Live updates go to all of them, so a page published during a rebuild is not
    lost when the alias swaps to the new index.
    """
    alias = alias_name()
    names = es.indices.get(index=f"{alias}_*", expand_wildcards="open")
    return sorted(name for name in names if name[len(alias) + 1 :].isdigit())
