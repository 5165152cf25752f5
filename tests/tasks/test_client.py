"""One Elasticsearch client, given every node of ELASTICSEARCH_URL."""

import pytest

from core.elasticsearch_client import get_client, node_answers, nodes
from search import backend

pytestmark = pytest.mark.elasticsearch
DEAD = "http://127.0.0.1:9"


def test_every_node_of_the_setting_is_used():
    assert nodes(" http://a:9200 ,http://b:9200,, http://c:9200") == [
        "http://a:9200",
        "http://b:9200",
        "http://c:9200",
    ]


def test_a_dead_node_in_the_list_fails_over_to_a_live_one(settings, elasticsearch_url):
    settings.ELASTICSEARCH_URL = f"{DEAD},{elasticsearch_url}"
    assert node_answers(settings.ELASTICSEARCH_URL, timeout=2)
    backend.reset_breakers()
    # Round-robin sends some of these calls to the dead node first: each must
    # still get its answer from the live one, without opening the breaker.
    for _ in range(4):
        health = backend.call(lambda es: es.cluster.health())
        assert health["status"] in {"green", "yellow"}
    assert not backend.breaker.is_open
    client = get_client()
    try:
        assert len(client.transport.node_pool.all()) == 2
    finally:
        client.close()


def test_only_dead_nodes_make_search_unavailable(settings):
    settings.ELASTICSEARCH_URL = f"{DEAD},http://127.0.0.1:10"
    assert not node_answers(settings.ELASTICSEARCH_URL, timeout=1)
    backend.reset_breakers()
    with pytest.raises(backend.SearchUnavailable):
        backend.call(lambda es: es.cluster.health())
    backend.reset_breakers()
