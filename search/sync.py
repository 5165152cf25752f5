"""Keeping the index in step with the database: the queue and its replay.

A change writes `PendingIndexUpdate` rows in its own transaction (nothing is
lost when Elasticsearch or the worker is down); after the commit one background
task (search/tasks.py `sync_index`) replays every queued row in bulk batches, in
`manage.py db_worker`, so no editor's request waits for Elasticsearch."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from . import backend
from .indexing import index_actions
from .models import PendingIndexUpdate

BATCH = 500


def apply_updates(es, page_ids):
    """Index or remove the given pages (and their attachments) now."""
    from elasticsearch import helpers

    index = backend.ensure_index(es)
    live, actions = index_actions(page_ids, index)
    # Attachments dropped from a page, and pages gone or private, leave stale
    # documents: remove everything belonging to these pages that isn't rewritten.
    # (The minimal node has no _delete_by_query.)
    keep = {action["_id"] for action in actions}
    existing = es.search(
        index=index,
        query={"terms": {"parent_page": list(page_ids)}},
        _source=False,
        size=10_000,
    )["hits"]["hits"]
    actions += [
        {"_op_type": "delete", "_index": index, "_id": hit["_id"]}
        for hit in existing
        if hit["_id"] not in keep
    ]
    indices = backend.physical_indices(es) or [index]
    actions = [{**action, "_index": name} for action in actions for name in indices]
    if actions:
        # A delete of a document that was never indexed is not an error.
        # refresh: the worker runs this, nobody waits for it, and the citizen
        # finds the page at once instead of after the next periodic refresh
        # (one per batch; a sync task runs at most one at a time per worker).
        helpers.bulk(es, actions, refresh=True, raise_on_error=False)
    return len(live)


def queue_pages(page_ids):
    """Record that these pages must be re-synced; part of the caller's transaction.

    The sync task is enqueued only once the rows are committed: a worker that
    ran it earlier would not see them."""
    page_ids = {int(pk) for pk in page_ids}
    if not page_ids or not getattr(settings, "SEARCH_AUTO_UPDATE", True):
        return
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(page_id=pk) for pk in page_ids],
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["created_at"],
    )
    # robust: the change itself is stored; a queue that cannot be written must
    # not undo the editor's publish (the next change or `search_sync` replays).
    transaction.on_commit(schedule_sync, robust=True)


def queue_subtree(page):
    queue_pages(
        Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def schedule_sync():
    from .tasks import enqueue_sync

    enqueue_sync()


def replay(limit=BATCH, timeout=backend.INDEX_TIMEOUT, guard=None):
    """Replay queued updates in batches of `limit` pages, one bulk request each.

    Returns (applied, remaining, error); never raises when the node is
    unreachable: the rows stay for the next try, with the error on them."""
    applied = 0
    while True:
        rows = list(PendingIndexUpdate.objects.order_by("created_at")[:limit])
        if not rows:
            return applied, 0, None
        page_ids = [row.page_id for row in rows]
        try:
            backend.call(
                lambda es, ids=page_ids: apply_updates(es, ids),
                timeout=timeout,
                guard=guard,
            )
        except Exception as error:  # noqa: BLE001 - the rows wait for a retry
            if not isinstance(error, backend.SearchUnavailable):
                backend.logger.exception("Search index update failed")
            PendingIndexUpdate.objects.filter(pk__in=[r.pk for r in rows]).update(
                last_error=str(error)[:300]
            )
            return applied, PendingIndexUpdate.objects.count(), error
        # Rows re-queued while we worked carry a newer timestamp: keep those.
        for row in rows:
            PendingIndexUpdate.objects.filter(
                pk=row.pk, created_at=row.created_at
            ).delete()
        applied += len(rows)
        if len(rows) < limit:
            return applied, PendingIndexUpdate.objects.count(), None


def sync_pending(limit=BATCH):
    """Replay queued updates now (`search_sync`). Returns (applied, remaining)."""
    applied, remaining, _error = replay(limit)
    return applied, remaining
