"""Build a fresh physical index and swap the alias in one atomic step."""

import itertools
import math
import sys
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from elasticsearch import ApiError, TransportError, helpers
from wagtail import hooks

from core.search_registry import municipality_memo

from . import backend
from .indexing import (
    indexable_pages,
    language_versions,
    page_documents,
    prefetch_relations,
    restricted_collection_ids,
)
from .models import PendingIndexUpdate


def progress(done, total, out, width=30):
    filled = int(width * done / total) if total else width
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} pages")
    out.flush()


# Pages whose language versions and relations are read in one query each.
VERSIONS_BATCH = 500


def generate(pages, index, counter, out):
    total = len(pages)
    restricted = restricted_collection_ids()
    for start in range(0, total, VERSIONS_BATCH):
        batch = pages[start : start + VERSIONS_BATCH]
        versions = language_versions(batch)
        prefetch_relations(batch)
        for number, page in enumerate(batch, start + 1):
            if page.get_url() is not None:
                for doc_id, source in page_documents(page, restricted, versions):
                    counter["documents"] += 1
                    yield {
                        "_op_type": "index",
                        "_index": index,
                        "_id": doc_id,
                        **source,
                    }
            if number % 20 == 0 or number == total:
                progress(number, total, out)


def hooked_actions(index, counter):
    """Documents other apps keep in the index (e.g. `sources`' external items),
    from each `search_rebuild_documents` hook: fn(index) -> bulk actions."""
    for hook in hooks.get_hooks("search_rebuild_documents"):
        for action in hook(index):
            counter["documents"] += 1
            yield action


# Measured with bench/rebuild_bench.py (BENCHMARKS.md, "Rebuild speed"): chunks
# of 1,000 small documents (capped at 10 MB for attachment-heavy ones), two in
# flight, keep both of a small node's cores busy; more only queue in its write pool.
BULK_CHUNK = 1000
BULK_BYTES = 10 * 1024 * 1024
BULK_THREADS = 2
# While nobody searches the new index: no refresh, no replica (each would redo
# the work), and no fsync per bulk request. A node lost mid-load loses at most
# the last seconds of an index the alias does not point at yet; the rebuild is
# simply run again. Restored once every document is in.
LOAD_SETTINGS = {
    "refresh_interval": "-1",
    "number_of_replicas": 0,
    "translog.durability": "async",
    "translog.flush_threshold_size": "1gb",
}
RESTORED = {
    "refresh_interval": None,
    "translog.durability": None,
    "translog.flush_threshold_size": None,
}


def send(es, chunk):
    ok, errors = helpers.bulk(
        es,
        chunk,
        chunk_size=len(chunk),
        max_chunk_bytes=BULK_BYTES,
        raise_on_error=False,
        raise_on_exception=False,
    )
    return ok, errors


def bulk_load(
    es,
    index,
    actions,
    threads=BULK_THREADS,
    chunk_size=BULK_CHUNK,
    load_settings=LOAD_SETTINGS,
):
    """Index `actions` into the new, unsearched `index` as fast as it takes them,
    under `load_settings`; afterwards the index's own settings come back, its
    replicas are added and it is refreshed, and the call returns once the
    cluster has allocated them (green, or yellow on a single node).

    The actions are built in this thread (they read the database through this
    thread's connection); only sending is parallel. One chunk more than there
    are senders is kept ready, so a sender never waits for the next one to be
    built. Returns (documents indexed, [errors])."""
    es.indices.put_settings(index=index, settings={"index": dict(load_settings)})
    indexed, errors = 0, []

    def collect(future):
        nonlocal indexed
        ok, failed = future.result()
        indexed += ok
        errors.extend(failed)

    try:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            in_flight = deque()
            for chunk in chunked(actions, chunk_size):
                in_flight.append(pool.submit(send, es, chunk))
                if len(in_flight) > threads:
                    collect(in_flight.popleft())
            while in_flight:
                collect(in_flight.popleft())
    finally:
        replicas = getattr(settings, "SEARCH_REPLICAS", 0)
        es.indices.put_settings(
            index=index,
            settings={"index": {**RESTORED, "number_of_replicas": replicas}},
        )
        es.indices.refresh(index=index)
        wait_for_replicas(es, index, replicas)
    return indexed, errors


# A bulk load leaves a shard in dozens of segments (one per flush of a small
# node's indexing buffer: 21-32 at 100k documents), and every query pays per
# segment: at 100k, one segment cut the project's `took` by a third and raised
# the search load at 16 clients from ~65 to ~85 searches/s (BENCHMARKS.md,
# "Search speed, sixth round"). The merge itself takes 14-35 s there, up to a
# third of the load, so it runs once the new index already answers (rebuild()). No
# segment is made larger than this, so that the merge policy still merges live
# updates' deletions away (it leaves segments near its 5 GB maximum alone).
MERGED_SEGMENT_BYTES = 2 * 1024**3
MERGE_TIMEOUT = 3600


def merge_segments(es, index):
    """Merge each shard of `index` (every copy) into as few segments as keep
    each under MERGED_SEGMENT_BYTES; returns that number."""
    stats = es.indices.stats(index=index, metric="store")["_all"]["primaries"]
    shard_setting = es.indices.get_settings(
        index=index, name="index.number_of_shards", flat_settings=True
    )
    shards = int(shard_setting[index]["settings"]["index.number_of_shards"])
    per_shard = stats["store"]["size_in_bytes"] / shards
    segments = max(1, math.ceil(per_shard / MERGED_SEGMENT_BYTES))
    es.options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(
        index=index, max_num_segments=segments
    )
    return segments


def wait_for_replicas(es, index, replicas, seconds=120):
    """Green when the cluster has a node for each copy, else yellow (a single
    node never holds a replica of its own shard)."""
    nodes = es.cluster.health()["number_of_nodes"]
    status = "green" if nodes > replicas else "yellow"
    es.options(request_timeout=seconds + 10).cluster.health(
        index=index, wait_for_status=status, timeout=f"{seconds}s"
    )


def chunked(items, size):
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def wait_for_searches_to_finish(es, index, seconds=10.0):
    """A search that resolved the alias just before the swap still runs on the
    old index: deleting it under that search answers the citizen a 503."""
    deadline = time.monotonic() + seconds
    time.sleep(0.2)  # a search that resolved the alias may not have reached a shard
    while time.monotonic() < deadline:
        search = es.indices.stats(index=index, metric="search")["_all"]["total"]
        if search["search"]["query_current"] + search["search"]["fetch_current"] == 0:
            return
        time.sleep(0.05)


def rebuild(out=sys.stdout, keep_old=False):
    """Returns a summary dict. Searches keep using the old index until the swap."""
    started = time.monotonic()
    es = backend.client(timeout=60)
    alias = backend.alias_name()
    queued_before = list(PendingIndexUpdate.objects.values_list("pk", "created_at"))
    try:
        name = backend.new_index_name()
        backend.create_index(es, name)
        pages = list(indexable_pages().specific(defer=False))
        counter = {"documents": 0}
        with municipality_memo():
            ok, errors = bulk_load(
                es,
                name,
                itertools.chain(
                    generate(pages, name, counter, out), hooked_actions(name, counter)
                ),
            )
        out.write("\n")
        old = backend.indices_behind_alias(es)
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        if es.indices.exists(index=alias) and not es.indices.exists_alias(name=alias):
            # A concrete index squatting the alias name (older layout).
            actions.append({"remove_index": {"index": alias}})
        actions.append({"add": {"index": name, "alias": alias}})
        es.indices.update_aliases(actions=actions)
        if not keep_old:
            for index in old:
                wait_for_searches_to_finish(es, index)
                es.indices.delete(index=index, ignore_unavailable=True)
        searchable = time.monotonic()
        try:
            merge_segments(es, name)
        except (ApiError, TransportError):
            # Only speed is lost: the index answers, in more segments.
            backend.logger.warning("Merging %s failed", name, exc_info=True)
        merged = time.monotonic()
    finally:
        es.close()
    # The new index reflects the database as of now: earlier queue entries are done.
    for pk, created_at in queued_before:
        PendingIndexUpdate.objects.filter(pk=pk, created_at=created_at).delete()
    backend.reset_breakers()
    return {
        "index": name,
        "alias": alias,
        "pages": len(pages),
        "documents": ok,
        "errors": len(errors) if isinstance(errors, list) else errors,
        "replaced": old,
        "seconds": round(time.monotonic() - started, 2),
        "searchable_seconds": round(searchable - started, 2),
        "merge_seconds": round(merged - searchable, 2),
    }
