"""The evaluation set (tests/search/eval/) against the real node: the goal numbers.

A fixed sample (every third query, all kinds) keeps this under a minute;
bench/relevance_eval.py runs the whole set and prints the table.
"""

import os
import uuid
from collections import Counter

import pytest

from tests.search.eval import harness

pytestmark = pytest.mark.elasticsearch

SAMPLE = harness.queries()[::3]


def test_set_is_what_the_benchmark_claims():
    pages, queries = harness.pages(), harness.queries()
    ids = {page["group"] for page in pages}
    assert len(pages) >= 1000
    assert len(queries) >= 200
    assert len({page["municipality"] for page in pages}) >= 20
    assert {page["locale"] for page in pages} == {"sq", "sr", "tr", "en"}
    assert {page["script"] for page in pages if page["locale"] == "sr"} == {
        "latin",
        "cyrillic",
    }
    assert set(Counter(q["kind"] for q in queries)) == set(harness.KINDS)
    assert all(set(q["answers"]) <= ids and q["answers"] for q in queries)
    # No query is a page's title typed again.
    titles = {page["title"].lower() for page in pages}
    assert not [q["q"] for q in queries if q["q"].lower() in titles]


@pytest.fixture(scope="module")
def indices(elasticsearch_url):
    from core.elasticsearch_client import get_client

    es = get_client()
    base = os.environ.get("SEARCH_INDEX_PREFIX", "transparenca_test")
    project, plain = harness.create_indices(es, f"{base}_{uuid.uuid4().hex[:8]}")
    yield es, project, plain
    es.indices.delete(index=[project, plain], ignore_unavailable=True)
    es.close()


def test_goal_numbers(indices):
    es, project, plain = indices
    mine, misses = harness.evaluate(es, project, harness.project_groups, SAMPLE)
    theirs, _ = harness.evaluate(es, plain, harness.plain_groups, SAMPLE)
    report = harness.format_table(mine, theirs)
    assert mine["all"]["recall"] >= 0.95, report
    assert mine["all"]["zero"] <= 0.01, report
    for kind in harness.KINDS:
        assert mine[kind]["recall"] >= theirs[kind]["recall"], report
    assert mine["all"]["mrr"] >= 0.9, (report, [q["q"] for q, _ in misses])
