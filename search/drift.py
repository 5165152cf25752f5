"""Does the index hold what it should? `search_drift` asks; the worker's
catch-up after an outage is proven when it answers "no drift"."""

from elasticsearch import helpers

from . import backend
from .indexing import indexable_pages, stored_status
from .models import PendingIndexUpdate


def computed_status(page):
    """The status the page's search document carries. It can change without a
    new revision (an act amended by another one is updated in place), so the
    revision id alone cannot tell that the index is behind."""
    status = getattr(page, "search_status", None)
    return stored_status(page, status() if callable(status) else None)


def expected_documents():
    return {
        page.pk: {
            "revision": str(page.latest_revision_id or ""),
            "status": computed_status(page),
        }
        for page in indexable_pages().specific(defer=False).iterator(chunk_size=500)
    }


def indexed_documents():
    es = backend.client(timeout=30)
    try:
        if not es.indices.exists_alias(name=backend.alias_name()):
            return {}
        return {
            hit["_source"]["page_id"]: {
                "revision": hit["_source"].get("revision") or "",
                "status": hit["_source"].get("status") or None,
            }
            for hit in helpers.scan(
                es,
                index=backend.alias_name(),
                query={"query": {"exists": {"field": "page_id"}}},
                _source=["page_id", "revision", "status"],
            )
        }
    finally:
        es.close()


def drift():
    """Page ids missing from, extra in, or stale in the index (an older revision
    or a status that changed since), and the number of updates still queued."""
    expected = expected_documents()
    indexed = indexed_documents()
    both = set(expected) & set(indexed)
    return {
        "missing": set(expected) - set(indexed),
        "extra": set(indexed) - set(expected),
        "stale": {
            pk for pk in both if expected[pk]["revision"] != indexed[pk]["revision"]
        },
        "status": {
            pk for pk in both if expected[pk]["status"] != indexed[pk]["status"]
        },
        "pending": PendingIndexUpdate.objects.count(),
    }
