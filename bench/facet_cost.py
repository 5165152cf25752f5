"""What the facet counts cost: `took` of the production bodies with parts removed.

    .venv/bin/python bench/checkout_took.py load --repo . fc_100k
    .venv/bin/python bench/facet_cost.py --index fc_100k
    .venv/bin/python bench/facet_cost.py --index fc_100k --thin-out   # changes it

On an index of search_bench's corpus that already exists, the bodies the production
search sends for the bench's 16 queries (both passes where it sends both) are timed
as sent and with one part changed, per body in turn, the fastest `took` of --repeat
(request cache off); printed as sums over the bodies, beside a plain `multi_match`.
Parts: every aggregation, the repeatable documents' branch (search/facets.py), the
department and source names, the locale facet, the highlighter, the rescore, the
collapse, and the repeatable documents counted in a request of their own in the same
msearch. `--thin-out` first leaves `repeatable_group` on 1 % of the documents that
carry it, to measure what marking only the groups that really repeat would save; it
changes the index (partial updates: the minimal node has no update-by-query) and
merges it again.
"""

import argparse
import copy
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "site"), str(REPO / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def without_aggregations(body, names):
    """`body` without the aggregations called one of `names`, at any depth."""
    body = copy.deepcopy(body)

    def prune(aggs):
        for name in list(aggs):
            if name in names:
                del aggs[name]
            elif "aggs" in aggs[name]:
                prune(aggs[name]["aggs"])

    prune(body.get("aggs", {}))
    return body


def without(*keys):
    def change(body):
        body = copy.deepcopy(body)
        for key in keys:
            body.pop(key, None)
        return body

    return change


def repeatable_apart(body):
    """The hits and facets without the repeatable branch, and a size-0 request
    of the same query restricted to the repeatable documents with the branch."""
    from search.facets import REPEATABLE, REPEATABLE_GROUP

    hits = without_aggregations(body, {REPEATABLE})
    aggs = {
        name: {"filter": shared["filter"], "aggs": shared["aggs"][REPEATABLE]["aggs"]}
        for name, shared in body.get("aggs", {}).items()
        if REPEATABLE in shared.get("aggs", {})
    }
    only_repeatable = {
        "bool": {
            "must": [body["query"]],
            "filter": [{"exists": {"field": REPEATABLE_GROUP}}],
        }
    }
    counts = {
        "size": 0,
        "query": only_repeatable,
        "aggs": aggs,
        "track_total_hits": False,
    }
    return [hits, counts]


VARIANTS = {
    "as sent": lambda body: body,
    "without any aggregation": without("aggs"),
    "without the repeatable branch": lambda body: without_aggregations(
        body, {"repeatable"}
    ),
    "without the names (department, source)": lambda body: without_aggregations(
        body, {"name"}
    ),
    "without the locale facet": lambda body: without_aggregations(body, {"shared_1"}),
    "without highlighting": without("highlight"),
    "without rescore": without("rescore"),
    "without collapse": without("collapse"),
    "repeatable apart (2 requests, summed)": repeatable_apart,
}


def production_bodies(es, index, queries):
    """[(query, body)] as search.query.two_pass sends them, lookup included."""
    from search import query

    sent = []
    for locale, q in queries:

        def ask(bodies, q=q):
            sent.extend((q, body) for body in bodies)
            return query.msearch(es, index, bodies)

        query.two_pass(
            ask,
            query.parse_params({"q": q}, locale),
            lookup=lambda **request: es.termvectors(index=index, **request),
        )
    return sent


def took(es, index, bodies):
    searches = []
    for body in bodies if isinstance(bodies, list) else [bodies]:
        searches += [{"index": index, "request_cache": False}, body]
    return sum(item["took"] for item in es.msearch(searches=searches)["responses"])


def thin_out(es, index, keep_every=100):
    from elasticsearch import helpers

    from search.facets import REPEATABLE_GROUP

    ids = [
        hit["_id"]
        for hit in helpers.scan(
            es, index=index, query={"query": {"exists": {"field": REPEATABLE_GROUP}}}
        )
    ]
    kept = set(ids[::keep_every])
    actions = (
        {"_op_type": "update", "_index": index, "_id": doc_id,
         "doc": {REPEATABLE_GROUP: None}}
        for doc_id in ids if doc_id not in kept
    )  # fmt: skip
    helpers.bulk(es, actions, chunk_size=2000)
    es.indices.refresh(index=index)
    es.options(request_timeout=3600).indices.forcemerge(index=index, max_num_segments=1)
    print(f"repeatable_group kept on {len(kept)} of {len(ids)} documents")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--thin-out", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    import search_bench

    from search import backend

    es = backend.client(timeout=600)
    if args.thin_out:
        thin_out(es, args.index)
    queries = [(loc, q) for loc, qs in search_bench.QUERIES.items() for q in qs]
    sent = production_bodies(es, args.index, queries)
    best = {name: [1e9] * len(sent) for name in [*VARIANTS, "plain multi_match"]}
    for _ in range(args.repeat):
        for number, (q, body) in enumerate(sent):
            for name, change in VARIANTS.items():
                row = best[name]
                row[number] = min(row[number], took(es, args.index, change(body)))
            plain = es.search(index=args.index, **search_bench.plain_body(q))
            row = best["plain multi_match"]
            row[number] = min(row[number], plain["took"])
    segments = es.indices.stats(index=args.index, metric="segments")["_all"]
    print(
        f"{len(sent)} bodies for {len(queries)} queries; index "
        f"{segments['primaries']['segments']['count']} segment(s); fastest of "
        f"{args.repeat}, summed"
    )
    for name, row in best.items():
        print(f"  {name:42} {sum(row):6.0f} ms")


if __name__ == "__main__":
    main()
