"""What the APIs can't serve is a 4xx with a message, as /api/schema/ declares
(issue 12.8)."""

import re

import pytest

from core.openapi import get_schema

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"search": "x", "offset": 66666}, 400, "offset"),
        ({"offset": 9901}, 400, "9900"),
        ({"search": "x" * 201}, 400, "200"),
        ({"search": "x", "search_operator": "xor"}, 400, "search_operator"),
        ({"child_of": 0}, 404, "parent page"),
        ({"descendant_of": 999999}, 404, "ancestor page"),
        ({"translation_of": 999999}, 404, "translation_of"),
    ],
)
def test_pages_listing_refuses_with_a_message(client, demo_site, params, status, words):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == status
    assert words in response.json()["message"]


def test_largest_declared_window_is_served(client, demo_site):
    response = client.get("/api/v2/pages/", {"offset": 9900, "limit": 100})
    assert response.status_code == 200
    response = client.get(
        "/api/v2/documents/", {"search": "buxhet", "offset": 9900, "limit": 100}
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/parity/",
        "/api/search/",
        "/api/search/suggest/",
        "/api/access-requests/stats/",
    ],
)
@pytest.mark.parametrize("method", ["TRACE", "QUERY", "POST", "DELETE"])
def test_json_apis_answer_other_methods_405(client, demo_site, path, method):
    response = client.generic(method, path)
    assert response.status_code == 405


def test_schema_declares_the_limits():
    paths = get_schema()["paths"]
    pages = {
        p["name"]: p["schema"] for p in paths["/api/v2/pages/"]["get"]["parameters"]
    }
    assert pages["offset"]["maximum"] == 9900
    assert pages["limit"]["maximum"] == 100
    assert pages["search"]["maxLength"] == 200
    assert pages["child_of"]["minimum"] == 0
    assert "-first_published_at" in pages["order"]["enum"]
    assert re.fullmatch(pages["type"]["pattern"], "municipal_acts.DecisionPage")
    assert not re.fullmatch(pages["type"]["pattern"], "municipal_acts.Recipe")
    search = {
        p["name"]: p["schema"] for p in paths["/api/search/"]["get"]["parameters"]
    }
    assert (search["year"]["minimum"], search["year"]["maximum"]) == (1900, 2100)
    assert search["page"]["maximum"] * search["page_size"]["maximum"] == 10_000


def test_documents_search_with_an_unindexed_order(client, demo_site):
    response = client.get("/api/v2/documents/", {"search": "buxhet", "order": "-id"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 1
