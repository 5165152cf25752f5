"""Elasticsearch connection helpers shared by every app.

Kept free of Django model imports so settings can use `node_answers` at start-up.
"""

import urllib.error
import urllib.request


def node_answers(url, timeout=0.5):
    """Return True when an Elasticsearch node answers HTTP at `url`."""
    # GET / needs the rest-root module, which the integ-test-zip lacks.
    health = url.rstrip("/") + "/_cluster/health"
    try:
        with urllib.request.urlopen(health, timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def get_client():
    """An `elasticsearch.Elasticsearch` client configured from settings."""
    from django.conf import settings
    from elasticsearch import Elasticsearch

    options = dict(settings.ELASTICSEARCH_CLIENT_OPTIONS)
    timeout = options.pop("timeout", 5)
    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=timeout, **options)
