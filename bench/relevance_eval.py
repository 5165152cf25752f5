"""Relevance on the evaluation set: the project's index and query vs a plain one.

    SEARCH_INDEX_PREFIX=relevance_bench .venv/bin/python \
        bench/relevance_eval.py [--misses] [--variants]

Indexes tests/search/eval/pages.jsonl twice on the node of ELASTICSEARCH_URL
(the project's analysis and `/api/search/` query; a `standard` analyzer with
a `multi_match`), runs tests/search/eval/queries.jsonl against both and prints
recall@5, MRR and the zero-result rate per query kind side by side.
`--variants` also runs the project's query with the clauses of search/recall.py
switched on one after another, to show what each adds.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from core.elasticsearch_client import get_client  # noqa: E402
from search import recall  # noqa: E402
from tests.search.eval import harness  # noqa: E402

VARIANTS = [
    ("main (no recall clauses)", set()),
    ("+ forgiving pass", {"loose"}),
    ("+ synonyms", {"loose", "synonyms"}),
    ("+ proximity", {"loose", "synonyms", "proximity"}),
    ("+ municipality", {"loose", "synonyms", "proximity", "municipality"}),
    ("+ year (all)", {"loose", "synonyms", "proximity", "municipality", "year"}),
]


def variants(es, project):
    chosen = set(recall.ENABLED)
    print("| variant | " + " | ".join(harness.KINDS) + " | all | MRR | zero |")
    print("|---|" + "---|" * (len(harness.KINDS) + 3))
    try:
        for name, enabled in VARIANTS:
            recall.ENABLED = enabled
            table, _ = harness.evaluate(es, project, harness.project_groups)
            cells = [f"{table[kind]['recall']:.2f}" for kind in harness.KINDS]
            total = table["all"]
            print(f"| {name} | {' | '.join(cells)} | {total['recall']:.2f} "
                  f"| {total['mrr']:.3f} | {total['zero']:.1%} |")  # fmt: skip
    finally:
        recall.ENABLED = chosen


def main():
    es = get_client(timeout=120)  # a shared, busy node: bulk loads take time
    prefix = settings.SEARCH_INDEX_PREFIX
    started = time.monotonic()
    project, plain = harness.create_indices(es, prefix)
    indexed = time.monotonic() - started
    try:
        mine, misses = harness.evaluate(es, project, harness.project_groups)
        theirs, _ = harness.evaluate(es, plain, harness.plain_groups)
        if "--variants" in sys.argv:
            variants(es, project)
    finally:
        es.indices.delete(index=[project, plain], ignore_unavailable=True)
        es.close()
    count = len(harness.pages())
    print(f"{count} pages indexed twice in {indexed:.1f} s; "
          f"{mine['all']['n']} queries")  # fmt: skip
    print(harness.format_table(mine, theirs))
    if "--misses" in sys.argv:
        for query, result in misses:
            print(f"  {query['kind']:13} {query['locale']} r={result['recall']:.1f} "
                  f"{query['q']!r} → {query['answers']}")  # fmt: skip


if __name__ == "__main__":
    main()
