"""With the Elasticsearch node unreachable, the API's ?search=, the citizen
search and the access-request suggestions answer from Wagtail's database index,
with the same filters: never a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_down(settings):
    """The transparency index unreachable: a closed port, breakers closed."""
    from search import backend

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    backend.reset_breakers()
    yield
    backend.reset_breakers()


def test_api_search_degrades_to_the_database(client, demo_site, search_down):
    from municipal_acts.models import MunicipalActPage

    act = MunicipalActPage.objects.live().filter(locale__language_code="sq").first()
    word = max(act.title.split(), key=len)
    response = client.get("/api/v2/pages/", {"search": word, "limit": 100})
    assert response.status_code == 200, response.content[:300]
    assert act.pk in [item["id"] for item in response.json()["items"]]
    response = client.get("/api/v2/documents/", {"search": "x"})
    assert response.status_code == 200


def test_access_request_suggestions_survive_an_outage(client, demo_site, search_down):
    response = client.post(
        "/sq/qasje/", {"documents_requested": "buxheti 2018", "action": "suggest"}
    )
    assert response.status_code == 200
    from access_requests.suggestions import suggest_published_pages

    found = suggest_published_pages("buxheti komunal", "sq")
    assert "Vendim për miratimin e buxhetit komunal për vitin 2019" in [
        page.title for page in found
    ]


def test_api_blank_search_with_the_node_down_lists_everything(
    client, demo_site, search_down
):
    everything = client.get("/api/v2/pages/").json()["meta"]["total_count"]
    response = client.get("/api/v2/pages/", {"search": " "})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == everything


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_search_window_past_ten_thousand_is_a_400(client, demo_site, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "x", "offset": 66666})
    assert response.status_code == 400
    assert "10000" in response.json()["message"]


def degraded(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    answer = response.json()
    assert answer["degraded"] is True
    return answer


def test_degraded_search_applies_the_filters(client, demo_site, search_down):
    everything = degraded(client, q="buxhet")
    assert everything["total"] > 1
    assert everything["total"] == len(everything["results"])
    assert degraded(client, q="buxhet", year=2031)["total"] == 0
    assert degraded(client, q="buxhet", year=2031)["results"] == []
    decisions = degraded(client, q="buxhet", type="decision")
    assert decisions["total"] == len(decisions["results"]) >= 1
    assert {result["type"] for result in decisions["results"]} == {"decision"}
    counts = {b["value"]: b["count"] for b in everything["facets"]["type"]}
    assert counts["decision"] == decisions["total"]
    second = degraded(client, q="buxhet", page_size=1, page=2)
    assert second["total"] == everything["total"]
    assert [r["id"] for r in second["results"]] == [everything["results"][1]["id"]]


def test_degraded_search_page_keeps_filters(client, demo_site, search_down):
    response = client.get("/sq/search/", {"q": "buxhet", "type": "decision"})
    assert response.status_code == 200
    from access_requests.suggestions import suggest_published_pages

    found = suggest_published_pages("buxheti komunal", "sq")
    assert "Vendim për miratimin e buxhetit komunal për vitin 2019" in [
        page.title for page in found
    ]
    assert "Dëgjim buxhetor" not in response.content.decode()
