"""Where the rebuild's time goes: one pre-built corpus, each bulk-load variant.

    SEARCH_INDEX_PREFIX=bulk_bench .venv/bin/python bench/rebuild_bench.py --docs 20000
    DATABASE_URL=sqlite:///demo.sqlite3 .venv/bin/python bench/rebuild_bench.py \
        --site-pages

Builds search_bench's synthetic corpus once (and prints how fast the generator
alone is), times `_analyze` per language and analyzer, then loads the very same
actions through `search.rebuild.bulk_load` once per variant: sender threads,
chunk size, the load-time index settings (async translog, bigger flush
threshold) and two mapping variants made here by editing the mapping dict
(without `index_options: offsets`, without the `.prefix` subfields of
summary/body/attachments). During the first load it samples the node's hot
threads. Every variant's docs/s is printed next to the first one's, from this
one run: the machine is shared, so read the ratios. Each index is deleted.
`--site-pages` times the real rebuild's own action building instead (below).
"""

import argparse
import copy
import os
import re
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "site"), str(REPO / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "bulk_bench")

# The settings bulk_load used before this bench: refresh off, no replica.
BEFORE = {"refresh_interval": "-1", "number_of_replicas": 0}


def with_offsets_and_text_prefixes(mappings):
    """The mapping before the second speed round: offsets in every text
    field's postings and a `.prefix` subfield on summary/body/attachments."""
    from search.analysis import LANGUAGES, TEXT_FIELDS

    mappings = copy.deepcopy(mappings)
    properties = mappings["properties"]
    for code in LANGUAGES:
        prefix = {
            "type": "text",
            "analyzer": f"{code}_prefix",
            "index_options": "offsets",
        }
        for field in TEXT_FIELDS:
            properties[f"{field}_{code}"]["index_options"] = "offsets"
            properties[f"{field}_{code}"]["fields"] = {"prefix": dict(prefix)}
        properties[f"all_{code}"]["fields"] = {
            "prefix": {"type": "text", "analyzer": f"{code}_prefix"}
        }
    return mappings


def variants():
    from search import rebuild

    after = rebuild.LOAD_SETTINGS
    return [
        # (label, threads, chunk, load settings, mapping edit)
        ("before: 2 threads, chunk 1000", 2, 1000, BEFORE, None),
        ("1 thread", 1, 1000, BEFORE, None),
        ("3 threads", 3, 1000, BEFORE, None),
        ("chunk 500", 2, 500, BEFORE, None),
        ("chunk 2000", 2, 2000, BEFORE, None),
        ("async translog, flush 1gb", 2, 1000, after, None),
        # search/analysis.py has neither since the second speed round; this
        # puts both back, to compare the two mappings in one run.
        (
            "async + the old mapping (offsets, text .prefix)",
            2,
            1000,
            after,
            with_offsets_and_text_prefixes,
        ),
        # Third round: the prefix subfields without positions (no query
        # reads them as phrases). Measured and not taken: 14 % smaller, but
        # 7 % slower to load on a quiet node (BENCHMARKS.md, third round).
        ("async + prefix freqs only", 2, 1000, after, prefix_freqs_only),
        ("async + merge 30/tier", 2, 1000, {**after, **FEWER_MERGES}, None),
    ]


# Lucene's tiered policy merges once ten segments of a size tier exist; with
# 30 it merges rarely during the load (the merges compete with indexing for
# the node's two cores).
FEWER_MERGES = {"merge.policy.segments_per_tier": 30}


def prefix_freqs_only(mappings):
    """The `.prefix` subfields (titles, all_<lang>) without positions."""
    mappings = copy.deepcopy(mappings)
    for field in mappings["properties"].values():
        prefix = field.get("fields", {}).get("prefix")
        if prefix:
            prefix["index_options"] = "freqs"
    return mappings


def hot_threads(es, delay, out):
    """One `_nodes/hot_threads` sample: each hot thread's line and top frames."""
    time.sleep(delay)
    text = es.nodes.hot_threads(threads=3, interval="1s", snapshots=10)
    lines, frames = [], 0
    for line in str(text).splitlines():
        line = line.strip()
        if "cpu usage by thread" in line:
            lines.append(line)
            frames = 0
        elif lines and frames < 6 and "(" in line and "snapshots" not in line:
            # The top of the stack: what the hot thread was doing.
            lines.append("      " + line.split("/")[-1])
            frames += 1
    out.extend(lines)


def analyze_costs(es, index, corpus, per_language=40):
    """ms per document to analyse its body with each language's analyzers."""
    from search.analysis import LANGUAGES

    rows = []
    for code in LANGUAGES:
        bodies = [a[f"body_{code}"] for a in corpus if a["locale"] == code]
        bodies = bodies[:per_language]
        words = sum(len(body.split()) for body in bodies)
        for analyzer in (code, f"{code}_prefix"):
            started = time.monotonic()
            for body in bodies:
                es.indices.analyze(index=index, analyzer=analyzer, text=body)
            elapsed = time.monotonic() - started
            rows.append(
                f"_analyze {analyzer:10} {elapsed / len(bodies) * 1000:6.1f} ms/body "
                f"{elapsed / words * 1e6:6.1f} µs/word (n={len(bodies)})"
            )
    return rows


def load(es, corpus, label, threads, chunk, load_settings, edit, sample=None):
    from search import backend, rebuild
    from search.analysis import index_mappings, index_settings

    name = backend.new_index_name()
    mappings = index_mappings()
    es.indices.create(
        index=name,
        settings=index_settings(),
        mappings=edit(mappings) if edit else mappings,
    )
    try:
        if sample is not None:
            threading.Thread(target=sample, daemon=True).start()
        started, cpu = time.monotonic(), time.process_time()
        indexed, errors = rebuild.bulk_load(
            es,
            name,
            ({**action, "_index": name} for action in corpus),
            threads=threads,
            chunk_size=chunk,
            load_settings=load_settings,
        )
        elapsed = time.monotonic() - started
        cpu = time.process_time() - cpu
        stats = es.indices.stats(index=name)["_all"]["primaries"]
        size = stats["store"]["size_in_bytes"]
        # Where the node's time went (ms summed over its threads), and this
        # process's CPU (serialising, sending) as a share of the wall time.
        server = (
            f"index {stats['indexing']['index_time_in_millis'] / 1000:.0f} s, "
            f"merge {stats['merges']['total_time_in_millis'] / 1000:.0f} s "
            f"({stats['merges']['total']}), refresh "
            f"{stats['refresh']['total_time_in_millis'] / 1000:.0f} s, "
            f"{stats['segments']['count']} segments; client CPU "
            f"{cpu / elapsed:.0%}"
        )
        return indexed, len(errors), elapsed, size, server
    finally:
        es.indices.delete(index=name, ignore_unavailable=True)


def site_pages(rounds=2):
    """The real rebuild's action building on this database (e.g. the demo site),
    before (a site, settings, language-versions, department, topics and locale
    query per page) and after (municipality_memo, language_versions and the
    relations per batch: `rebuild.generate`), alternated; then the whole
    `rebuild()` as `manage.py rebuild_search_index` runs it."""
    import io

    from django.db import connection

    from core.search_registry import municipality_memo
    from search import rebuild
    from search.indexing import (
        indexable_pages,
        page_documents,
        restricted_collection_ids,
    )

    def before(pages):
        restricted = restricted_collection_ids()
        return [
            doc
            for page in pages
            if page.get_url() is not None
            for doc in page_documents(page, restricted)
        ]

    def after(pages):
        with municipality_memo():
            return list(rebuild.generate(pages, "x", {"documents": 0}, io.StringIO()))

    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    for _ in range(rounds):
        for label, build in (("before", before), ("after", after)):
            queries[0] = 0
            with connection.execute_wrapper(count):
                started = time.monotonic()
                # Fresh page objects: their cached properties must not carry over.
                pages = list(indexable_pages().specific(defer=False))
                docs = build(pages)
                elapsed = time.monotonic() - started
            print(
                f"site actions {label:6}: {len(pages)} pages {len(docs)} docs "
                f"{elapsed:5.1f} s = {len(docs) / elapsed:4.0f} docs/s, "
                f"{queries[0]} queries"
            )
    summary = rebuild.rebuild(out=io.StringIO())
    print(
        f"rebuild(): {summary['documents']} docs in {summary['seconds']} s = "
        f"{summary['documents'] / summary['seconds']:.0f} docs/s"
    )


def streamed_or_built(count):
    """search_bench's load as it was (the generator feeding bulk_load in the
    loading thread) and with the corpus built first, one after the other."""
    import search_bench

    from search import backend, rebuild

    es = backend.client(timeout=300)
    rates = {}
    for label in ("streamed", "built first"):
        name = backend.new_index_name()
        backend.create_index(es, name)
        try:
            started = time.monotonic()
            corpus = search_bench.documents(count, name)
            if label == "built first":
                corpus = list(corpus)
                print(f"  built in {time.monotonic() - started:.1f} s")
            started = time.monotonic()
            indexed, _errors = rebuild.bulk_load(es, name, corpus)
            rates[label] = indexed / (time.monotonic() - started)
            print(f"{label:12} {indexed} docs {rates[label]:5.0f} docs/s "
                  f"({rates[label] / rates['streamed']:4.2f}x)")  # fmt: skip
        finally:
            es.indices.delete(index=name, ignore_unavailable=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument(
        "--only", help="regular expression: run only the variants it matches"
    )
    parser.add_argument("--rounds", type=int, default=1, help="alternate N times")
    parser.add_argument(
        "--streamed",
        action="store_true",
        help="instead: the corpus generated inside the load vs built before it",
    )
    parser.add_argument(
        "--site-pages",
        action="store_true",
        help="instead: the real rebuild of this database's pages, before/after",
    )
    args = parser.parse_args()

    import django

    django.setup()
    if args.site_pages:
        return site_pages()
    import search_bench

    if args.streamed:
        return streamed_or_built(args.docs)

    from search import backend
    from search.analysis import index_mappings, index_settings

    es = backend.client(timeout=300)
    started = time.monotonic()
    corpus = list(search_bench.documents(args.docs, "placeholder"))
    generated = time.monotonic() - started
    print(f"generator alone: {args.docs} docs in {generated:.1f} s = "
          f"{args.docs / generated:.0f} docs/s")  # fmt: skip

    probe = backend.new_index_name()
    es.indices.create(index=probe, settings=index_settings(), mappings=index_mappings())
    try:
        for row in analyze_costs(es, probe, corpus):
            print(row)
    finally:
        es.indices.delete(index=probe, ignore_unavailable=True)

    chosen = [v for v in variants() if not args.only or re.search(args.only, v[0])]
    # Rounds alternate the variants (A B A B ...): on a shared machine the
    # others' load drifts, and each ratio is then read from neighbouring runs.
    chosen = chosen * args.rounds
    first, hot, rates = None, [], {}
    for number, (label, threads, chunk, load_settings, edit) in enumerate(chosen):
        sample = (lambda: hot_threads(es, 5, hot)) if number == 0 else None
        indexed, errors, elapsed, size, server = load(
            es, corpus, label, threads, chunk, load_settings, edit, sample
        )
        rate = indexed / elapsed
        first = first or rate
        rates.setdefault(label, []).append(rate)
        print(
            f"{label:32} {indexed:>8} docs {elapsed:7.1f} s {rate:7.0f} docs/s "
            f"({rate / first:4.2f}x)  index {size / 1e6:5.0f} MB  errors {errors}"
        )
        print(f"{'':32} {server}")
        if number == 0 and hot:
            print("hot threads during the first load:")
            print("\n".join("  " + line for line in hot))
    if args.rounds > 1:
        base = sum(rates[chosen[0][0]]) / args.rounds
        for label, values in rates.items():
            mean = sum(values) / len(values)
            print(f"mean of {len(values)}: {label:32} {mean:7.0f} docs/s "
                  f"({mean / base:4.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
