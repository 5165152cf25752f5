"""The demo content in an index of its own, for test packages that search it."""

import os
import uuid
from contextlib import contextmanager

from django.test import override_settings

from search import backend


@contextmanager
def demo_index(django_db_blocker, tag=""):
    """Rebuild the index from the demo database under a unique prefix; yield its
    alias; delete it afterwards. `tag` names the package in the prefix."""
    from search.rebuild import rebuild

    base = os.environ.get("SEARCH_INDEX_PREFIX", "transparenca_test")
    prefix = f"{base}{tag}_{uuid.uuid4().hex[:8]}"
    override = override_settings(SEARCH_INDEX_PREFIX=prefix)
    override.enable()
    backend.reset_breakers()
    try:
        with django_db_blocker.unblock(), open(os.devnull, "w") as devnull:
            rebuild(out=devnull)
        yield backend.alias_name()
    finally:
        es = backend.client(timeout=30)
        es.indices.delete(index=f"{prefix}_transparency*", ignore_unavailable=True)
        es.close()
        override.disable()


def refresh():
    es = backend.client(timeout=30)
    es.indices.refresh(index=backend.alias_name())
    es.close()
