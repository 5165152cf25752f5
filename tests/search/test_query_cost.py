"""The cheaper search body (issue 15, second round) answers as the one before:
the rescore gives the first page the scores of one query scoring every match,
and the facet counts of their own request are the counts of the one body."""

from dataclasses import replace

import pytest

from search import backend
from search.dsl import DEFAULT
from search.query import msearch, parse_params, requests, run_search, two_pass

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

BEFORE = replace(DEFAULT, rescore=False, counts_apart=False)
APART = replace(DEFAULT, counts_apart=True)
QUERIES = [
    ("vendimi per buxhetin", "sq"),
    ("одлука о буџету", "sr"),
    ("01-016/18", "sq"),
    ("bütçe kabul", "tr"),
    ("procesverbal", "sq"),  # a year of monthly minutes: equal scores
    ('"buxhetin komunal 2019"', "sq"),
]


def answer(alias, params, options):
    es = backend.shared_client(backend.SEARCH_TIMEOUT)
    return two_pass(lambda bodies: msearch(es, alias, bodies), params, options)


@pytest.mark.parametrize(("q", "locale"), QUERIES)
def test_rescored_page_scores_as_the_one_body(search_index, q, locale):
    params = parse_params({"q": q, "locale": "all"}, locale)
    before, now = (
        answer(search_index, params, BEFORE),
        answer(search_index, params, DEFAULT),
    )
    assert before["hits"]["hits"], q

    def scored(response):
        return [(hit["_id"], hit["_score"]) for hit in response["hits"]["hits"]]

    old, new = scored(before), scored(now)
    # The same score at every rank ...
    assert [b for _, b in new] == pytest.approx([a for _, a in old], rel=1e-5)

    # ... and the same hits in the same order, newest first among equals,
    # but for the run of equal scores the page ends on: which of those make
    # the page is Elasticsearch's index order (a rescore allows no sort).
    def before_the_last_run(hits):
        last = old[-1][1]  # summed in another order: equal up to rounding
        return [hit for hit, score in hits if score != pytest.approx(last, rel=1e-5)]

    assert before_the_last_run(new) == before_the_last_run(old)
    assert now["aggregations"] == before["aggregations"]
    apart = answer(search_index, params, APART)
    assert apart["aggregations"] == before["aggregations"]
    assert scored(apart) == scored(now)


def test_counts_are_a_size_zero_request_without_scoring(search_index):
    params = parse_params({"q": "buxhet"}, "sq")
    hits, counts = requests(params, APART)
    assert "aggs" not in hits and hits["rescore"]["window_size"] >= 100
    assert counts["size"] == 0 and "should" not in counts["query"]["bool"]
    # A date sort has nothing to rescore.
    hits, _ = requests(parse_params({"q": "buxhet", "sort": "newest"}, "sq"), APART)
    assert "rescore" not in hits and "sort" in hits
    # ... and scores nothing but the visitor's language version of a group.
    assert len(hits["query"]["bool"]["should"]) == 1


def test_a_failing_request_of_the_msearch_answers_from_the_database(
    search_index, monkeypatch
):
    # The counts request names a field Elasticsearch can't aggregate on:
    # its error must not become a 500 nor an empty page of facets.
    from search import facets

    monkeypatch.setitem(facets.FACET_FIELDS, "type", "summary")
    answer = run_search(parse_params({"q": "buxhet"}, "sq"))
    assert answer["degraded"] is True
