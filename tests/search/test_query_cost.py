"""The cheaper search body (issue 15, second round) answers as the one before:
the rescore gives the first page the scores of one query scoring every match,
and the facet counts of their own request are the counts of the one body."""

import json
from dataclasses import replace

import pytest

from search import backend, recall
from search.dsl import DEFAULT, EXACT, build_body, every_language
from search.matching import most_words
from search.query import msearch, parse_params, requests, run_search, two_pass

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

BEFORE = replace(DEFAULT, rescore=False, counts_apart=False)
# The fifth round's body without its two levers (search.dsl.QueryOptions).
EVERY_FIELD = replace(DEFAULT, chosen_language_fields=False, fold_repeated_match=False)
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


def page_of(response):
    return [
        (hit["_id"], hit.get("highlight"), sorted(hit.get("matched_queries", [])))
        for hit in response["hits"]["hits"]
    ]


@pytest.mark.parametrize(
    ("q", "locale"),
    [*QUERIES, ("buxheti", "sq"), ("bxuhet", "sq"), ("budget decision", "en")],
)
def test_one_language_answers_as_every_field_asked(search_index, q, locale):
    # The visitor's language chosen, as by default: the rescore and the
    # highlighter ask its fields only, the repeated forgiving match is folded.
    params = parse_params({"q": q}, locale)
    wide = answer(search_index, params, EVERY_FIELD)
    lean = answer(search_index, params, DEFAULT)
    assert wide["hits"]["hits"], q
    assert [hit["_score"] for hit in lean["hits"]["hits"]] == pytest.approx(
        [hit["_score"] for hit in wide["hits"]["hits"]], rel=1e-5
    )
    assert page_of(lean) == page_of(wide)
    assert lean["aggregations"] == wide["aggregations"]


def test_only_the_chosen_languages_fields_are_rescored_and_highlighted():
    body = build_body(parse_params({"q": "buxheti komunal"}, "sq"))
    asked = json.dumps([body["rescore"], body["highlight"]["fields"]])
    assert "_sq" in asked
    assert not any(f"_{code}" in asked for code in ("sr", "tr", "en"))
    # Every language when every language is shown.
    body = build_body(parse_params({"q": "buxheti komunal", "locale": "all"}, "sq"))
    asked = json.dumps([body["rescore"], body["highlight"]["fields"]])
    assert all(f"_{code}" in asked for code in ("sq", "sr", "tr", "en"))


def matches_of_every_language(q):
    alternatives = build_body(parse_params({"q": q}, "sq"), EXACT)["query"]["bool"]
    alternatives = alternatives["must"][0]["bool"]["should"]
    return [
        clause["multi_match"]
        for clause in alternatives
        if clause.get("multi_match", {}).get("fields") == every_language()
    ]


def test_a_forgiving_match_asking_what_the_precise_one_asks_is_folded_into_it():
    # Two words: both needed by either match.
    (precise,) = matches_of_every_language("buxheti komunal")
    assert precise["_name"] == "precise"
    assert precise["boost"] == pytest.approx(1 + recall.LOOSE_BOOST)
    # Three words: the forgiving match needs two, so it stays.
    precise, loose = matches_of_every_language("buxheti komunal 2019")
    assert "boost" not in precise and loose["boost"] == recall.LOOSE_BOOST
    # A question word dropped: the forgiving match asks other words.
    assert len(matches_of_every_language("kur buxheti")) == 2


def test_most_words_the_tokenizer_can_make():
    assert most_words("buxheti komunal 01-016/18") == 5
    assert most_words("одлука буџет") == 2
    assert most_words("預算") == 2  # Chinese: a word per character
    assert most_words("a" * 300) == 2  # the tokenizer cuts at 255
