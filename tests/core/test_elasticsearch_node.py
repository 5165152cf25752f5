import uuid

import pytest

pytestmark = pytest.mark.elasticsearch


def test_document_indexed_through_the_client_is_found(es_client):
    index = f"transparenca_test_probe_{uuid.uuid4().hex[:8]}"
    try:
        es_client.index(
            index=index,
            id="decision-1",
            document={"title": "Vendim për miratimin e buxhetit komunal"},
            refresh=True,
        )
        result = es_client.search(index=index, query={"match": {"title": "buxhetit"}})
        assert [hit["_id"] for hit in result["hits"]["hits"]] == ["decision-1"]
    finally:
        es_client.indices.delete(index=index, ignore_unavailable=True)


def test_client_major_version_matches_server(es_client):
    import elasticsearch

    server_major = int(es_client.cluster.stats()["nodes"]["versions"][0].split(".")[0])
    assert elasticsearch.__versionstr__.split(".")[0] == str(server_major)


def analyze(client, text, **kwargs):
    result = client.indices.analyze(text=text, **kwargs)
    return [token["token"] for token in result["tokens"]]


@pytest.mark.parametrize(
    ("text", "analysis", "expected"),
    [
        (
            "Këshilli Komunës",
            {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            ["keshilli", "komunes"],
        ),
        (
            "İSTANBUL'da kitapları",
            {
                "tokenizer": "standard",
                "filter": [
                    "apostrophe",
                    {"type": "lowercase", "language": "turkish"},
                    {"type": "stemmer", "language": "turkish"},
                ],
            },
            ["istanbul", "kitap"],
        ),
        (
            "Одлука о буџету",
            {"tokenizer": "standard", "filter": ["lowercase", "serbian_normalization"]},
            ["odluka", "o", "budzetu"],
        ),
        (
            "cities running",
            {
                "tokenizer": "standard",
                "filter": ["lowercase", {"type": "stemmer", "language": "english"}],
            },
            ["citi", "run"],
        ),
        (
            "Buxheti",
            {
                "tokenizer": {"type": "edge_ngram", "min_gram": 2, "max_gram": 4},
                "filter": ["lowercase"],
            },
            ["bu", "bux", "buxh"],
        ),
    ],
)
def test_node_has_the_analysis_filters_search_needs(
    es_client, text, analysis, expected
):
    # The integ-test-zip lacks analysis-common; scripts/elasticsearch installs a
    # module that registers these filters.
    assert analyze(es_client, text, **analysis) == expected
