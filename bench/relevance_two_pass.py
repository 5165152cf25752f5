"""The fast path's relevance: the two-pass search vs the one fuzzy query.

    SEARCH_INDEX_PREFIX=relevance_bench .venv/bin/python bench/relevance_two_pass.py \
        [--before]

search.query.search asks exact words first and runs the fuzzy query only when the
exact pass finds fewer than FUZZY_BELOW groups. tests/search/test_eval_set.py and
bench/relevance_eval.py score `build_body` (the fuzzy query, one pass); this runs the
whole evaluation set (tests/search/eval/) through both and prints recall@5, MRR and
zero results per kind side by side, plus how often the second pass ran and the mean
`took` of each way.
"""

import os
import sys
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from core.elasticsearch_client import get_client  # noqa: E402
from search.dsl import DEFAULT  # noqa: E402
from search.query import msearch, parse_params, two_pass  # noqa: E402
from tests.search.eval import harness  # noqa: E402

STATS = {"searches": 0, "second": 0, "skipped": 0, "took_two": 0, "took_one": 0}


def two_pass_groups(es, index, query, options=DEFAULT):
    params = parse_params({"q": query["q"]}, query["locale"])
    passes = []

    def ask(bodies):
        # Five hits, as the one-pass harness asks; the counts stay size 0.
        bodies = [{**body, "size": 5} if body["size"] else body for body in bodies]
        passes.append(bodies)
        responses = msearch(es, index, bodies)
        STATS["took_two"] += sum(response["took"] for response in responses)
        return responses

    def lookup(**request):
        # The term statistics that let an exact pass bound to be untrusted
        # be skipped (search.query.untrusted_for_sure): their `took` counts.
        answer = es.termvectors(index=index, **request)
        STATS["took_two"] += answer.get("took", 0)
        return answer

    response = two_pass(ask, params, options, lookup=lookup)
    if options is not DEFAULT:  # the comparison run is not counted
        return [hit["_source"]["group"] for hit in response["hits"]["hits"]]
    STATS["searches"] += 1
    # The fuzzy pass asks "did you mean" (the exact pass and a query of
    # phrases alone ask nothing); alone, its exact pass was skipped.
    fuzzy = "suggest" in passes[-1][0]
    STATS["second"] += fuzzy
    STATS["skipped"] += fuzzy and len(passes) == 1
    return [hit["_source"]["group"] for hit in response["hits"]["hits"]]


def one_pass_groups(es, index, query):
    started = time.monotonic()
    groups = harness.project_groups(es, index, query)
    STATS["took_one"] += (time.monotonic() - started) * 1000
    return groups


def main():
    es = get_client(timeout=120)  # a shared, busy node: bulk loads take time
    project, plain = harness.create_indices(es, settings.SEARCH_INDEX_PREFIX)
    try:
        one, _ = harness.evaluate(es, project, one_pass_groups)
        two, misses = harness.evaluate(es, project, two_pass_groups)
        if "--before" in sys.argv:
            # The one body of before issue 15's second round: scored in the
            # query, the facets in the same request.
            old = replace(DEFAULT, rescore=False, counts_apart=False)
            before, _ = harness.evaluate(
                es, project, partial(two_pass_groups, options=old)
            )
    finally:
        es.indices.delete(index=[project, plain], ignore_unavailable=True)
        es.close()
    print("| kind | n | recall@5 one pass | two passes | MRR one | MRR two "
          "| zero one | zero two |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for kind in [*harness.KINDS, "all"]:
        a, b = one[kind], two[kind]
        print(f"| {kind} | {a['n']} | {a['recall']:.2f} | {b['recall']:.2f} "
              f"| {a['mrr']:.3f} | {b['mrr']:.3f} | {a['zero']:.1%} "
              f"| {b['zero']:.1%} |")  # fmt: skip
    if "--before" in sys.argv:
        print("two passes, the body before the rescore: "
              + ", ".join(f"{kind} recall {before[kind]['recall']:.2f} "
                          f"MRR {before[kind]['mrr']:.3f}"
                          for kind in [*harness.KINDS, "all"]))  # fmt: skip
    n = STATS["searches"]
    print(f"second (fuzzy) pass ran for {STATS['second']} of {n} queries "
          f"(for {STATS['skipped']} of them without the exact pass); "
          f"wall ms per query one pass {STATS['took_one'] / n:.1f}, "
          f"`took` ms per query two passes {STATS['took_two'] / n:.1f}")  # fmt: skip
    for query, result in misses:
        print(f"  miss {query['kind']:13} {query['locale']} "
              f"r={result['recall']:.1f} {query['q']!r}")  # fmt: skip


if __name__ == "__main__":
    main()
