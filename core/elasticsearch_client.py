"""The one place an Elasticsearch client is built (search, tests, scripts).

Kept free of Django model imports so settings can use `node_answers` at start-up.
"""

import urllib.error
import urllib.request


def node_answers(url, timeout=0.5):
    """Return True when an Elasticsearch node answers HTTP at `url`.

    With several nodes (`ELASTICSEARCH_URL` may list them, comma-separated), one
    answering node is enough: the client fails over to it."""
    return any(_answers(node, timeout) for node in nodes(url))


def _answers(url, timeout):
    # GET / needs the rest-root module, which the integ-test-zip lacks.
    health = url.rstrip("/") + "/_cluster/health"
    try:
        with urllib.request.urlopen(health, timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def nodes(url):
    """Every node of a comma-separated `ELASTICSEARCH_URL`."""
    return [node.strip() for node in (url or "").split(",") if node.strip()]


def get_client(timeout=None, **overrides):
    """An `elasticsearch.Elasticsearch` client configured from settings.

    `timeout` is the request timeout in seconds (default: the settings' one);
    `overrides` replace client options, e.g. `max_retries=0` for callers that
    must not wait for retries. The client gets every node, so it fails over
    when one of a cluster's nodes is down."""
    from django.conf import settings
    from elasticsearch import Elasticsearch

    options = dict(settings.ELASTICSEARCH_CLIENT_OPTIONS)
    default_timeout = options.pop("timeout", 5)
    options.update(overrides)
    return Elasticsearch(
        nodes(settings.ELASTICSEARCH_URL),
        request_timeout=timeout if timeout is not None else default_timeout,
        **options,
    )
