"""Where a search's time goes: `took` of the project's query with one part removed.

    .venv/bin/python bench/query_profile.py --docs 10000 --rounds 3

Loads the search bench's synthetic corpus (bench/search_bench.py) into its own index,
then for every bench query measures `took` of the whole body and of the body without
each part (aggregations, highlight, collapse, suggest, the fuzzy clauses, the prefix
clauses), and prints the Elasticsearch profile API's time per query clause type. The
parts that save most are the ones worth cutting. The index is deleted at the end.
"""

import argparse
import copy
import json
import os
import statistics
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench"), str(REPO / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def leaf(clause):
    return isinstance(clause, dict) and set(clause) <= {"multi_match", "match"}


def without(body, part):
    body = copy.deepcopy(body)
    if part in ("aggs", "highlight", "collapse", "suggest", "rescore"):
        body.pop(part, None)
        return body
    # Drop every clause that mentions `part` ("fuzziness", ".prefix").
    text = json.dumps([body["query"], body.get("rescore")])
    if part not in text:
        return body

    def prune(node):
        if isinstance(node, dict):
            return {k: prune(v) for k, v in node.items()}
        if isinstance(node, list):
            # Only leaf clauses go; the bool that holds them stays.
            kept = [prune(v) for v in node if not (leaf(v) and part in json.dumps(v))]
            return kept or [{"match_none": {}}]
        return node

    body["query"] = prune(body["query"])
    if "rescore" in body:
        body["rescore"] = prune(body["rescore"])
    return body


def profile_times(response):
    """Nanoseconds per query clause type, summed over shards and the tree."""
    totals = Counter()

    def walk(node):
        totals[node["type"]] += node["time_in_nanos"]
        for child in node.get("children", []):
            walk(child)

    for shard in response["profile"]["shards"]:
        for search in shard["searches"]:
            for query in search["query"]:
                for child in query.get("children", []):
                    walk(child)
        for agg in shard.get("aggregations", []):
            totals[f"agg:{agg['description']}"] += agg["time_in_nanos"]
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--exact", action="store_true", help="profile the exact first pass"
    )
    parser.add_argument(
        "--before",
        action="store_true",
        help="the one body of before the second round (no rescore, counts inside)",
    )
    args = parser.parse_args()
    import django

    os.environ["SEARCH_INDEX_PREFIX"] = prefix = f"profile_{os.getpid()}"
    django.setup()
    from search_bench import QUERIES, load_corpus

    from search import backend
    from search.dsl import DEFAULT, EXACT
    from search.query import build_body, parse_params

    options = EXACT if args.exact else DEFAULT
    if args.before:
        options = replace(options, rescore=False, counts_apart=False)

    es = backend.client(timeout=120)
    index = backend.new_index_name()
    backend.create_index(es, index)
    try:
        load_corpus(es, index, args.docs)
        queries = [(loc, q) for loc, qs in QUERIES.items() for q in qs]
        parts = [None, "aggs", "highlight", "collapse", "suggest", "fuzziness"]
        parts += [".prefix", "rescore"]
        took = {part: [] for part in parts}
        for _ in range(args.rounds):
            for locale, q in queries:
                body = build_body(parse_params({"q": q}, locale), options)
                for part in parts:
                    trimmed = body if part is None else without(body, part)
                    took[part].append(es.search(index=index, **trimmed)["took"])
        whole = statistics.mean(took[None])
        print(f"whole body: mean took {whole:.1f} ms over {len(took[None])} searches")
        for part in parts[1:]:
            mean = statistics.mean(took[part])
            print(f"  without {part:10}: {mean:6.1f} ms  (saves {whole - mean:5.1f})")
        totals = Counter()
        for locale, q in queries:
            body = build_body(parse_params({"q": q}, locale), options)
            totals += profile_times(es.search(index=index, profile=True, **body))
        print("profile, time per clause type (ms, summed over the queries):")
        for kind, nanos in totals.most_common(12):
            print(f"  {kind:50.50} {nanos / 1e6:8.1f}")
    finally:
        es.indices.delete(index=f"{prefix}_transparency*", ignore_unavailable=True)
        es.close()


if __name__ == "__main__":
    main()
