"""The webhook (signature, timestamp window, nonce replay) and sources that are
down, slow, or answer HTML or garbage: a logged error on the source's state,
a 4xx for the caller, never a 5xx, and nothing already indexed removed."""

import hashlib
import hmac
import json
import time
import uuid

import pytest

from sources import sync
from sources.indexing import normalise, store
from sources.models import Source
from tests.browser.conftest import free_port

from .conftest import indexed

pytestmark = pytest.mark.elasticsearch
SECRET = "webhook-secret-for-tests"


@pytest.fixture
def plone_source(db, hub_index):
    return Source.objects.create(
        slug="urbanizmi",
        name="Drejtoria e Urbanizmit",
        kind=Source.PLONE,
        base_url=f"http://127.0.0.1:{free_port()}/Plone",  # nothing listens
        municipality="gjilan",
        webhook_secret=SECRET,
        timeout=1.0,
    )


@pytest.fixture
def indexed_item(plone_source):
    record = {
        "type": "act",
        "locale": "sq",
        "title": "Plani rregullues urban Zona A",
        "url": "http://plone.example/Plone/plani-a",
        "modified": "2026-01-01T10:00:00+00:00",
    }
    store(plone_source, {"uid-a": normalise(plone_source, record)})
    assert indexed("ext-urbanizmi-uid-a")
    return "ext-urbanizmi-uid-a"


def signed(payload, secret=SECRET):
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"HTTP_X_TRANSPARENCA_SIGNATURE": f"sha256={digest}"}


def event(**changes):
    return {
        "event": "publish",
        "uid": "uid-a",
        "timestamp": int(time.time()),
        "nonce": uuid.uuid4().hex,
        **changes,
    }


def post(client, body, headers, slug="urbanizmi"):
    return client.post(
        f"/api/sources/{slug}/webhook/", body, "application/json", **headers
    )


def test_unsigned_or_wrongly_signed_is_401(client, plone_source):
    body, _headers = signed(event())
    assert post(client, body, {}).status_code == 401
    _body, wrong = signed(event(), secret="another")
    assert post(client, body, wrong).status_code == 401


def test_replayed_or_stale_is_refused(client, plone_source, indexed_item):
    body, headers = signed(event())
    assert post(client, body, headers).status_code == 202
    assert post(client, body, headers).status_code == 409
    stale, headers = signed(event(timestamp=int(time.time()) - 3600))
    assert post(client, stale, headers).status_code == 401


def test_bad_events_are_400_and_unknown_sources_404(client, plone_source):
    body, headers = signed(event(event="explode"))
    assert post(client, body, headers).status_code == 400
    body, headers = signed(event())
    assert post(client, body, headers, slug="nowhere").status_code == 404


def test_webhook_while_the_source_is_down_loses_nothing(
    client, plone_source, indexed_item
):
    body, headers = signed(event(event="delete"))
    # The test settings run tasks immediately, so the pull happens here.
    assert post(client, body, headers).status_code == 202
    plone_source.refresh_from_db()
    assert "unreachable" in plone_source.last_error
    assert indexed(indexed_item)
    assert plone_source.items.filter(external_id="uid-a").exists()


@pytest.mark.parametrize(
    "answer, message",
    [
        ((200, "text/html", b"<html><body>Maintenance</body></html>", 0), "JSON"),
        ((200, "application/json", b"{not json", 0), "not valid JSON"),
        ((200, "application/json", b'["a list"]', 0), "not a JSON object"),
        ((200, "application/json", b'{"items": 5}', 0), "items"),
        ((502, "text/html", b"Bad gateway", 0), "HTTP 502"),
        ((200, "application/json", b"{}", 2.5), "no answer within"),
    ],
)
def test_reconcile_of_a_broken_source_keeps_the_index(
    plone_source, indexed_item, scripted_server, answer, message
):
    plone_source.base_url = f"http://127.0.0.1:{scripted_server.server_port}/Plone"
    plone_source.save()
    scripted_server.answer = answer
    result = sync.reconcile(plone_source)
    plone_source.refresh_from_db()
    assert message in result["error"]
    assert message in plone_source.last_error
    assert plone_source.consecutive_failures == 1
    assert indexed(indexed_item)
    assert plone_source.items.count() == 1


def test_a_down_source_in_the_admin_shows_its_error(
    client, plone_source, indexed_item, django_user_model
):
    admin = django_user_model.objects.get(username="admin")
    client.force_login(admin)
    sync.reconcile(plone_source)
    # In English (the admin follows the browser's language; see
    # test_admin_language.py for the others).
    page = client.get("/admin/sources/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "unreachable" in page.content.decode()
    response = client.post(f"/admin/sources/{plone_source.pk}/sync/")
    assert response.status_code == 302
    plone_source.refresh_from_db()
    assert plone_source.consecutive_failures == 2  # the queued sync ran


def test_sync_now_needs_the_permission(client, plone_source, django_user_model):
    editor = django_user_model.objects.get(username="editor")
    client.force_login(editor)
    # Wagtail's admin turns a refused permission into a redirect with a message.
    assert client.post(f"/admin/sources/{plone_source.pk}/sync/").status_code == 302
    assert client.get("/admin/sources/").status_code == 302
    plone_source.refresh_from_db()
    assert plone_source.last_sync_at is None  # nothing was queued
