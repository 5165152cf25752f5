"""With the Elasticsearch node unreachable, the API's ?search= falls back to a
database scan and the access-request suggestions to none: never a 500."""

import pytest

pytestmark = pytest.mark.django_db

UNREACHABLE = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        # Nothing listens on the discard port: connections are refused at once.
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "unreachable_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
    }
}


def test_api_search_degrades_to_the_database(client, demo_site, settings):
    from municipal_acts.models import MunicipalActPage

    act = MunicipalActPage.objects.live().filter(locale__language_code="sq").first()
    word = max(act.title.split(), key=len)
    settings.WAGTAILSEARCH_BACKENDS = UNREACHABLE
    response = client.get("/api/v2/pages/", {"search": word, "limit": 100})
    assert response.status_code == 200, response.content[:300]
    assert act.pk in [item["id"] for item in response.json()["items"]]
    response = client.get("/api/v2/documents/", {"search": "x"})
    assert response.status_code == 200


def test_access_request_suggestions_survive_an_outage(client, demo_site, settings):
    settings.WAGTAILSEARCH_BACKENDS = UNREACHABLE
    response = client.post(
        "/sq/qasje/", {"documents_requested": "buxheti 2018", "action": "suggest"}
    )
    assert response.status_code == 200
