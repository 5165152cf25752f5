import os
import uuid

import pytest
from django.test import override_settings

from search import backend


@pytest.fixture(scope="session")
def search_index(elasticsearch_url, django_db_setup, django_db_blocker):
    """The demo content indexed once per test session under a unique prefix."""
    from search.rebuild import rebuild

    base = os.environ.get("SEARCH_INDEX_PREFIX", "transparenca_test")
    prefix = f"{base}_{uuid.uuid4().hex[:8]}"
    override = override_settings(SEARCH_INDEX_PREFIX=prefix)
    override.enable()
    backend.breaker.reset()
    try:
        with django_db_blocker.unblock(), open(os.devnull, "w") as devnull:
            rebuild(out=devnull)
        yield backend.alias_name()
    finally:
        es = backend.client(timeout=30)
        es.indices.delete(index=f"{prefix}_transparency*", ignore_unavailable=True)
        es.close()
        override.disable()


@pytest.fixture(autouse=True)
def _closed_breaker():
    backend.reset_breakers()
    yield
    backend.reset_breakers()


def refresh():
    es = backend.client(timeout=30)
    es.indices.refresh(index=backend.alias_name())
    es.close()
