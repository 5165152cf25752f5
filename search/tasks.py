"""Background work of the search app, run by `manage.py db_worker`."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model

from . import backend, extract
from .sync import queue_pages, replay

# The worker has no editor waiting: it may wait longer for a busy node than a
# request would, and it never trips the editors' breaker (its own back-off
# spaces the retries instead).
WORKER_TIMEOUT = 60.0
# Pages per bulk request: a batch must finish within the timeout on a busy node,
# or the same batch would fail on every retry.
WORKER_BATCH = 100
worker_guard = backend.CircuitBreaker(threshold=1, cooldown=0)
# Seconds before the n-th retry while Elasticsearch is unreachable: 1, 2, 4, …
# capped, so the queue is replayed within a minute of the node coming back.
RETRY_FIRST, RETRY_MAX = 1.0, 60.0


def retry_delay(attempt):
    return min(RETRY_FIRST * 2 ** max(attempt - 1, 0), RETRY_MAX)


def waiting_syncs(due_only):
    """Sync tasks queued and not yet started (database queue only)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(sync_index.get_backend(), DatabaseBackend):
        return None
    queued = DBTaskResult.objects.ready() if due_only else DBTaskResult.objects
    return queued.filter(status="READY", task_path=sync_index.module_path)


def enqueue_sync():
    """Enqueue a replay unless one is already waiting to start: that one reads
    the queue when it starts, so it also takes rows committed before then. A
    replay waiting out a back-off does not count: a new change may find the
    node back already."""
    waiting = waiting_syncs(due_only=True)
    if waiting is not None and waiting.exists():
        return None
    return sync_index.enqueue()


# Ahead of Wagtail's own reference-index and admin-search tasks (about ten per
# publish, default priority 0): citizens wait for this one, nobody for those.
SYNC_PRIORITY = 50


@task(priority=SYNC_PRIORITY)
def sync_index(attempt=0):
    """Replay every queued index update, in bulk batches. While Elasticsearch is
    unreachable, enqueue the next try after a growing delay, so the worker
    catches up by itself once the node is back (no cron)."""
    applied, remaining, error = replay(
        limit=WORKER_BATCH, timeout=WORKER_TIMEOUT, guard=worker_guard
    )
    outcome = {"applied": applied, "remaining": remaining}
    if error is None:
        return outcome
    delay = retry_delay(attempt + 1)
    waiting = waiting_syncs(due_only=False)
    if waiting is None:
        # The immediate backend (tests) cannot defer: the rows wait for the
        # next change or `search_sync`.
        return {**outcome, "error": str(error)[:300]}
    if not waiting.exists():
        sync_index.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            attempt + 1
        )
    backend.logger.warning(
        "Search index unreachable; %s updates wait, next try in %ss", remaining, delay
    )
    return {**outcome, "error": str(error)[:300], "retry_in": delay}


def limits():
    return extract.Limits(**getattr(settings, "SEARCH_EXTRACTION_LIMITS", {}))


def pages_using(documents):
    from wagtail.models import ReferenceIndex

    return (
        ReferenceIndex.get_references_to_in_bulk(documents)
        .filter(base_content_type__model="page")
        .values_list("object_id", flat=True)
    )


def queue_extraction(documents):
    """Queue a run for each document (e.g. those still pending after an upgrade)."""
    for document in documents:
        extract_document_text.enqueue(
            document.pk, document.file.name, document.file_hash
        )


@task()
def extract_document_text(document_id, file_name, file_hash):
    """Extract a document's text in a capped child process and store it with
    the outcome; then re-index the pages that attach it.

    The file's name and hash say which upload this run is for: a document
    replaced since it was queued is left to the run queued for the new file.
    """
    model = get_document_model()
    document = model.objects.filter(pk=document_id).first()
    if document is None or (document.file.name, document.file_hash) != (
        file_name,
        file_hash,
    ):
        return "superseded"
    try:
        result = extract.extract(document.file, document.file.name, limits())
    except OSError:
        # The stored file is gone or unreadable: say so rather than stay pending.
        result = extract.Extraction(status="failed", reason=extract.UNREADABLE)
    finally:
        document.file.close()
    updated = model.objects.filter(
        pk=document_id, file=file_name, file_hash=file_hash
    ).update(
        extracted_text=result.text,
        extraction_status=result.status,
        extraction_reason=result.reason,
        extraction_details=result.details,
    )
    if updated:
        queue_pages(pages_using([document]))
    return result.status
