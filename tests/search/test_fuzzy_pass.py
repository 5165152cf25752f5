"""The fuzzy second pass runs only when it can answer differently, and
skipping the exact pass changes no answer (issue 15, third round)."""

import pytest

from search import backend
from search.dsl import DEFAULT, PRECISE, PRECISE_PREFIX
from search.query import (
    msearch,
    parse_params,
    required,
    two_pass,
    untrusted_for_sure,
)

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def passes_of(alias, q, locale, lookup=True, index=None):
    """(the response, the bodies of each pass sent) of a real two-pass search."""
    es = backend.shared_client(backend.SEARCH_TIMEOUT)
    sent = []

    def ask(bodies):
        sent.append(bodies)
        return msearch(es, alias, bodies)

    def terms(**request):
        return es.termvectors(index=index or alias, **request)

    params = parse_params({"q": q}, locale)
    response = two_pass(ask, params, DEFAULT, lookup=terms if lookup else None)
    return response, sent


def fuzzy(bodies):
    # Only the fuzzy pass asks "did you mean".
    return "suggest" in bodies[0]


def test_a_top_hit_matching_every_word_is_trusted(search_index):
    # "sa" is a Serbian stop word the page does not hold. With one name for
    # both precise matches Elasticsearch reported only one of them, and the
    # fuzzy pass ran for nothing.
    response, sent = passes_of(search_index, "odluka sa budzetom", "sr")
    assert PRECISE in response["hits"]["hits"][0]["matched_queries"]
    assert len(sent) == 1 and not fuzzy(sent[0])


def test_the_prefix_copies_require_no_stop_word(search_index):
    # The prefix analyzers drop stop words as the word analyzers do: before,
    # "sa" was a word the prefix match required (and read from one of the
    # longest posting lists), so this page matched by its words alone.
    response, _ = passes_of(search_index, "odluka sa budzetom", "sr")
    assert PRECISE_PREFIX in response["hits"]["hits"][0]["matched_queries"]


def test_phrases_alone_are_asked_once(search_index):
    response, sent = passes_of(search_index, '"buxhetin komunal 2019"', "sq")
    assert response["hits"]["hits"]
    assert len(sent) == 1


def test_no_exact_pass_when_no_document_can_match_the_words(search_index):
    # "bxuheti" is in no document: the exact pass could not be trusted.
    response, sent = passes_of(search_index, "bxuheti", "sq")
    assert len(sent) == 1 and fuzzy(sent[0])
    assert response["hits"]["hits"]
    # Without the term statistics: two passes, the same answer.
    before, both = passes_of(search_index, "bxuheti", "sq", lookup=False)
    assert len(both) == 2 and not fuzzy(both[0]) and fuzzy(both[1])
    assert response["hits"] == before["hits"]


@pytest.mark.parametrize(
    ("q", "locale"),
    [
        ("vendimi per buxhetin", "sq"),
        ("odluka ili", "sr"),  # "ili" stems to "il", which no page has
        ("mbledhja e kuvendit", "sq"),
        ("planit zhvilimor", "sq"),  # inflection + typo
        ("rruga", "sq"),
        ("municipal budget", "en"),
        ("01-016/18", "sq"),
    ],
)
def test_skipping_the_exact_pass_changes_no_answer(search_index, q, locale):
    now, _ = passes_of(search_index, q, locale)
    before, _ = passes_of(search_index, q, locale, lookup=False)
    ids = [[hit["_id"] for hit in r["hits"]["hits"]] for r in (now, before)]
    assert ids[0] == ids[1]
    assert now["aggregations"] == before["aggregations"]
    assert now.get("suggest") == before.get("suggest")


def test_words_the_index_holds_keep_the_exact_pass(search_index):
    es = backend.shared_client(backend.SEARCH_TIMEOUT)

    def lookup(**request):
        return es.termvectors(index=search_index, **request)

    assert not untrusted_for_sure(lookup, "vendimi per buxhetin", DEFAULT)
    assert untrusted_for_sure(lookup, "bxuheti zhvilimorr", DEFAULT)


def test_failing_term_statistics_send_the_exact_pass(search_index):
    # A real error of Elasticsearch (no such index) costs the skip, not the search.
    response, sent = passes_of(
        search_index, "bxuheti", "sq", index="fuzzy-pass-no-such-index"
    )
    assert len(sent) == 2 and response["hits"]["hits"]


@pytest.mark.parametrize(
    ("count", "needed"), [(0, 0), (1, 1), (3, 3), (4, 3), (5, 4), (7, 6), (8, 6)]
)
def test_required_words_as_elasticsearch_counts_them(count, needed):
    assert required(count) == needed
