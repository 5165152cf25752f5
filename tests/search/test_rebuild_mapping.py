"""The prefix copies are indexed without positions (issue 15, third round: a
smaller index, built faster). Nothing the search sends may need them: every
query and highlight answers as on the same documents with positions."""

import copy

import pytest
from elasticsearch import helpers

from search import backend
from search.analysis import index_mappings, index_settings
from search.query import msearch, parse_params, two_pass

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

QUERIES = [
    ("vendimi per buxhetin", "sq"),
    ("buxhe", "sq"),  # a prefix only
    ("одлука о буџету", "sr"),
    ('"buxhetin komunal"', "sq"),  # a quoted phrase
    ("bütçe kabul", "tr"),
    ("bxuhet", "sq"),  # a typo: the fuzzy pass
    ("procesverbal seanca", "sq"),
    ("budget decision", "en"),
]


def test_prefix_copies_have_no_positions():
    properties = index_mappings()["properties"]
    prefixed = [
        name
        for name, field in properties.items()
        if "prefix" in field.get("fields", {})
    ]
    assert "all_sq" in prefixed and "title_tr" in prefixed
    for name in prefixed:
        assert properties[name]["fields"]["prefix"]["index_options"] == "freqs"
        # The language fields and all_<lang> keep positions: phrases read them.
        assert "index_options" not in properties[name]


def copy_into(es, source, name, mappings):
    es.indices.create(index=name, settings=index_settings(), mappings=mappings)
    documents = helpers.scan(es, index=source, query={"sort": ["_doc"]})
    actions = (
        {"_index": name, "_id": hit["_id"], **hit["_source"]} for hit in documents
    )
    indexed, errors = helpers.bulk(es, actions, refresh=True)
    assert errors == [] and indexed == es.count(index=source)["count"]


@pytest.fixture(scope="module")
def both(search_index):
    """The demo index's documents copied twice: with this mapping, and with the
    one before this round (prefix copies with positions). Both fresh, so no
    deleted document of earlier tests weighs on one side's statistics."""
    es = backend.shared_client(60)
    before = copy.deepcopy(index_mappings())
    for field in before["properties"].values():
        prefix = field.get("fields", {}).get("prefix")
        if prefix:
            prefix.pop("index_options", None)
    names = (f"{search_index}_freqs", f"{search_index}_positions")
    try:
        copy_into(es, search_index, names[0], index_mappings())
        copy_into(es, search_index, names[1], before)
        yield names
    finally:
        for name in names:
            es.indices.delete(index=name, ignore_unavailable=True)


def answer(index, q, locale):
    es = backend.shared_client(backend.SEARCH_TIMEOUT)
    params = parse_params({"q": q, "locale": "all"}, locale)
    response = two_pass(lambda bodies: msearch(es, index, bodies), params)
    # A clause needing positions on a field without them fails the shard.
    assert response["_shards"]["failed"] == 0, response["_shards"]
    return response


@pytest.mark.parametrize(("q", "locale"), QUERIES)
def test_every_query_answers_as_with_positions(both, q, locale):
    now, before = answer(both[0], q, locale), answer(both[1], q, locale)

    def ranked(response):
        return [(hit["_id"], hit["_score"]) for hit in response["hits"]["hits"]]

    assert ranked(before), q  # the demo content answers every query
    assert [i for i, _ in ranked(now)] == [i for i, _ in ranked(before)]
    assert [s for _, s in ranked(now)] == pytest.approx(
        [s for _, s in ranked(before)], rel=1e-6
    )
    assert [h.get("highlight") for h in now["hits"]["hits"]] == [
        h.get("highlight") for h in before["hits"]["hits"]
    ]
    assert now["aggregations"] == before["aggregations"]
