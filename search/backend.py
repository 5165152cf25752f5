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


def client(timeout=INDEX_TIMEOUT, searching=False):
    """The project's one client (core.elasticsearch_client). A failed node
    (connection refused or reset, 502/503/504) is retried on the other nodes,
    once each. A timeout is retried only for a citizen's search (`searching`)
    and only when there is another node to ask: an editor's index call keeps
    its one-second budget, and a single node that is slow is not asked twice."""
    from core.elasticsearch_client import get_client, nodes

    retries = max(len(nodes(settings.ELASTICSEARCH_URL)) - 1, 0)
    return get_client(
        timeout=timeout,
        max_retries=retries,
        retry_on_timeout=searching and retries > 0,
        retry_on_status=RETRY_ON_STATUS,
    )


# Gateway and "unavailable" answers: another node may answer. Not 429: a
# cluster pushing back must not get the same search again from us at once.
RETRY_ON_STATUS = (502, 503, 504)

_shared = {}
_shared_lock = threading.Lock()


def shared_client(timeout=INDEX_TIMEOUT, searching=False):
    """A client kept for the process (per timeout, purpose and node list), so a
    search doesn't open a new connection pool and TCP connection each time. The
    client is thread-safe; a forked worker (gunicorn) builds its own (by pid)."""
    import os

    options = getattr(settings, "ELASTICSEARCH_CLIENT_OPTIONS", {})
    key = (os.getpid(), settings.ELASTICSEARCH_URL, repr(options), timeout, searching)
    with _shared_lock:
        es = _shared.get(key)
        if es is None:
            es = _shared[key] = client(timeout, searching)
    return es


def partial(result):
    """True when a search (or any answer of an msearch) is missing shards: an
    answer from only some of the index is not the answer to the question."""
    body = getattr(result, "body", result)  # ObjectApiResponse has no .get
    try:
        answers = body.get("responses", [body])
        return any(
            answer.get("_shards", {}).get("failed", 0) > 0
            or answer.get("timed_out", False)
            for answer in answers
            if "hits" in answer
        )
    except (TypeError, AttributeError, KeyError):  # not a search's answer
        return False


def call(operation, timeout=INDEX_TIMEOUT, guard=None):
    """Run `operation(es)` behind a circuit breaker; SearchUnavailable if not.

    With `guard=search_breaker` it is a citizen's search: the client retries
    on the other nodes (timeouts too), and a partial answer (`_shards.failed`,
    a copy of a shard lost with its node) is asked once more, then treated
    as no answer (the degraded search answers instead) rather than shown as
    if it were complete. ES's allow_partial_search_results stays at its
    default (true): the 200 with `_shards.failed` is what we can check here,
    whatever status ES would give a refused partial answer."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    breaker = guard or globals()["breaker"]
    searching = breaker is search_breaker
    if not breaker.allow():
        raise SearchUnavailable("circuit open")
    es = shared_client(timeout, searching)
    try:
        result = operation(es)
        again = searching and partial(result)
        if again:
            logger.warning("Partial search answer; asking once more")
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
    if again and partial(result):
        breaker.failure()
        raise SearchUnavailable("partial answer: shards failed")
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
