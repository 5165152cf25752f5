"""The push ingest endpoint against real Elasticsearch: schema validation,
authentication, replay protection, idempotency, and the documents it writes
found by the citizen search API with their source and municipality."""

import json
import time
import uuid

import pytest

from sources.models import Source

from .conftest import indexed, refresh

pytestmark = pytest.mark.elasticsearch
TOKEN = "push-token-for-tests-0123456789"


@pytest.fixture
def push_source(db, hub_index):
    source = Source(
        slug="cms-kamenica",
        name="Kamenica CMS",
        kind=Source.PUSH,
        municipality="kamenice",
        municipality_name="Kamenicë",
    )
    source.set_token(TOKEN)
    source.save()
    return source


def item(**changes):
    return {
        "id": "act-77",
        "version": "1",
        "type": "act",
        "locale": "sq",
        "title": "Rregullore për ndriçimin publik Kamenicë",
        "url": "https://kamenica.example/aktet/77",
        "summary": "Ndriçimi publik në rrugët e qytetit.",
        "date": "2026-03-04",
        "reference_number": "02-077/26",
        "group": "act-77",
        **changes,
    }


def push(client, body, token=TOKEN, **headers):
    body = {"timestamp": int(time.time()), "nonce": uuid.uuid4().hex, **body}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.post(
        "/api/sources/cms-kamenica/push/",
        data=json.dumps(body),
        content_type="application/json",
        **headers,
    )


def test_pushed_item_is_searchable_with_its_source(client, push_source):
    response = push(client, {"items": [item()]})
    assert response.status_code == 200, response.content
    assert response.json() == {"received": 1, "stored": 1, "unchanged": 0, "deleted": 0}
    document = indexed("ext-cms-kamenica-act-77")
    assert document["source"] == "cms-kamenica"
    assert document["municipality"] == "kamenice"
    assert document["reference_number"] == "02-077/26"
    refresh()
    found = client.get("/api/search/", {"q": "ndriçimin publik Kamenicë"}).json()
    hit = next(r for r in found["results"] if r["id"] == "ext-cms-kamenica-act-77")
    assert hit["source"] == "cms-kamenica"
    assert hit["municipality"] == "kamenice"
    assert hit["url"] == "https://kamenica.example/aktet/77"
    # The site's own pages say where they come from too.
    local = client.get("/api/search/", {"q": "rregullore"}).json()["results"]
    assert {r["source"] for r in local} >= {"local"}


def test_same_version_is_a_no_op_and_a_new_one_updates(client, push_source):
    assert push(client, {"items": [item()]}).json()["stored"] == 1
    first = indexed("ext-cms-kamenica-act-77")["indexed_at"]
    again = push(client, {"items": [item(title="Changed but same version")]})
    assert again.json() == {"received": 1, "stored": 0, "unchanged": 1, "deleted": 0}
    assert indexed("ext-cms-kamenica-act-77")["indexed_at"] == first
    newer = push(client, {"items": [item(title="Rregullore e ndryshuar", version="2")]})
    assert newer.json()["stored"] == 1
    assert indexed("ext-cms-kamenica-act-77")["title"] == "Rregullore e ndryshuar"
    assert push_source.items.get().version == "2"


def test_translations_share_a_group_and_link_each_other(client, push_source):
    serbian = item(
        id="act-77-sr",
        locale="sr",
        title="Pravilnik o javnoj rasveti",
        url="https://kamenica.example/sr/akti/77",
    )
    assert push(client, {"items": [item(), serbian]}).status_code == 200
    albanian = indexed("ext-cms-kamenica-act-77")
    assert albanian["group"] == indexed("ext-cms-kamenica-act-77-sr")["group"]
    # Counted apart by the facets (search/facets.py): one may come twice.
    assert albanian["repeatable_group"] == albanian["group"]
    assert {"locale": "sr", "url": serbian["url"]} in albanian["languages"]


def test_deleted_items_leave_the_index(client, push_source):
    push(client, {"items": [item()]})
    response = push(client, {"deleted": ["act-77"]})
    assert response.json()["deleted"] == 1
    assert indexed("ext-cms-kamenica-act-77") is None
    assert not push_source.items.exists()


@pytest.mark.parametrize(
    "token, status",
    [(None, 401), ("wrong-token", 401), (TOKEN, 200)],
)
def test_bearer_token(client, push_source, token, status):
    assert push(client, {"items": [item()]}, token=token).status_code == status


def test_a_replayed_request_is_refused(client, push_source):
    body = json.dumps(
        {"timestamp": int(time.time()), "nonce": "n-0123456789", "items": [item()]}
    )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}
    url = "/api/sources/cms-kamenica/push/"
    first = client.post(url, body, content_type="application/json", **headers)
    assert first.status_code == 200
    replay = client.post(url, body, content_type="application/json", **headers)
    assert replay.status_code == 409
    assert "error" in replay.json()


@pytest.mark.parametrize("offset", [-400, 400])
def test_a_stale_or_future_timestamp_is_refused(client, push_source, offset):
    response = push(client, {"timestamp": int(time.time()) + offset})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "body, fragment",
    [
        ({"items": [item(type="sermon")]}, "body.items[0].type"),
        ({"items": [item(title="")]}, "body.items[0].title"),
        ({"items": [item(colour="red")]}, "colour"),
        ({"items": [item(url="ftp://x/1")]}, "http"),
        ({"items": [item(locale="de")]}, "language"),
        ({"items": [{k: v for k, v in item().items() if k != "version"}]}, "version"),
        ({"items": "not a list"}, "body.items"),
        ({"items": [item(), item()]}, "twice"),
    ],
)
def test_schema_violations_are_400_json(client, push_source, body, fragment):
    response = push(client, body)
    assert response.status_code == 400
    answer = response.json()
    assert answer["error"]
    assert any(fragment in detail for detail in answer["details"]), answer
    assert not push_source.items.exists()


def test_errors_are_translated(client, push_source):
    english = push(client, {"items": [item(type="sermon")]}, HTTP_ACCEPT_LANGUAGE="en")
    albanian = push(client, {"items": [item(type="sermon")]}, HTTP_ACCEPT_LANGUAGE="sq")
    assert english.json()["error"] != albanian.json()["error"]


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"\xff\xfe"])
def test_garbage_bodies_are_400(client, push_source, raw):
    response = client.post(
        "/api/sources/cms-kamenica/push/",
        raw,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )
    assert response.status_code == 400


def test_unknown_source_and_wrong_method(client, push_source):
    assert (
        client.post("/api/sources/nowhere/push/", "{}", "application/json").status_code
        == 404
    )
    assert client.get("/api/sources/cms-kamenica/push/").status_code == 405


def test_rebuild_keeps_external_documents(client, push_source):
    from search.rebuild import rebuild

    push(client, {"items": [item()]})
    with open("/dev/null", "w") as out:
        summary = rebuild(out=out)
    assert summary["errors"] == 0
    assert indexed("ext-cms-kamenica-act-77")["source"] == "cms-kamenica"


def test_push_is_in_the_openapi_description(client):
    schema = client.get("/api/schema/").json()
    operation = schema["paths"]["/api/sources/{slug}/push/"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert "items" in body["properties"]
    assert set(operation["responses"]) >= {"200", "400", "401", "409"}
    assert "sourceToken" in schema["components"]["securitySchemes"]
