"""Bringing the hub's copy of a source in step: one item (after a webhook) or
the whole source (reconcile). A source that fails leaves a logged error on its
state and everything already indexed in place."""

import logging

from django.utils.translation import gettext_noop

from .adapters import get_adapter
from .indexing import flush_unindexed, normalise, remove, store
from .remote import Gone, SourceError

logger = logging.getLogger("transparenca.sources")


def failed(source, error, item=None):
    logger.warning("Source %s: %s%s", source.slug, f"{item}: " if item else "", error)
    source.record_failure(error, item)
    return {"error": f"{item}: {error}" if item else str(error)}


def reconcile(source):
    """List the source's public items, fetch what is new or changed, forget
    what is gone. Returns a summary dict."""
    adapter = get_adapter(source)
    if not adapter.pulls:
        flush_unindexed(source)
        source.record_success()
        return {"changed": 0, "removed": 0, "problems": []}
    try:
        listing = adapter.listing()
        known = dict(source.items.values_list("external_id", "modified"))
        todo = [
            external_id
            for external_id, marker in listing.items()
            if external_id not in known or not marker or marker != known[external_id]
        ]
        records = adapter.fetch_many(todo)
    except SourceError as error:
        # Nothing removed: a partial listing must not look like deletions.
        return failed(source, error)
    except Exception as error:  # noqa: BLE001 - garbage must not stop the worker
        logger.exception("Source %s answered something unexpected", source.slug)
        unexpected = SourceError(
            gettext_noop("unexpected answer: %(error)s"), error=repr(error)[:480]
        )
        return failed(source, unexpected)
    gone = set(known) - set(listing)
    normalised, invalid = {}, []
    for external_id, record in records.items():
        if record is None:
            gone.add(external_id)
            continue
        try:
            normalised[external_id] = normalise(source, record)
        except (ValueError, TypeError, KeyError) as error:
            invalid.append((external_id, error))
    changed = store(source, normalised)
    removed = remove(source, gone)
    flush_unindexed(source)
    source.record_success()
    problems = [f"{external_id}: {error}" for external_id, error in invalid]
    if invalid:
        # The rest was synced; the items a source sent badly are named.
        source.set_errors(invalid[:10])
        source.save(update_fields=["last_error", "error_details"])
        logger.warning("Source %s: %s", source.slug, source.last_error)
    return {"changed": changed, "removed": removed, "problems": problems}


def pull_item(source, external_id):
    """Fetch one item and index it, or remove it when it is not public (any
    more). Returns "indexed", "unchanged", "removed" or "error"."""
    adapter = get_adapter(source)
    try:
        record = adapter.fetch(external_id)
    except Gone:
        remove(source, [external_id])
        source.item_count = source.items.count()
        source.save(update_fields=["item_count"])
        return "removed"
    except SourceError as error:
        failed(source, error)
        return "error"
    try:
        fields = normalise(source, record)
    except (ValueError, TypeError, KeyError) as error:
        failed(source, error, external_id)
        return "error"
    changed = store(source, {external_id: fields})
    source.item_count = source.items.count()
    source.save(update_fields=["item_count"])
    return "indexed" if changed else "unchanged"
