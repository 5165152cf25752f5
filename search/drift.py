from elasticsearch import helpers

from . import backend
from .indexing import indexable_pages
from .models import PendingIndexUpdate


def drift():
    """Page ids missing from, extra in, or stale in the index."""
    expected = {
        pk: str(revision or "")
        for pk, revision in indexable_pages().values_list("pk", "latest_revision_id")
    }
    es = backend.client(timeout=30)
    try:
        indexed = {}
        if es.indices.exists_alias(name=backend.alias_name()):
            for hit in helpers.scan(
                es,
                index=backend.alias_name(),
                query={"query": {"exists": {"field": "page_id"}}},
                _source=["page_id", "revision"],
            ):
                indexed[hit["_source"]["page_id"]] = hit["_source"].get("revision")
    finally:
        es.close()
    return {
        "missing": set(expected) - set(indexed),
        "extra": set(indexed) - set(expected),
        "stale": {
            pk
            for pk in set(expected) & set(indexed)
            if expected[pk] != (indexed[pk] or "")
        },
        "pending": PendingIndexUpdate.objects.count(),
    }
