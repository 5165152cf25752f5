"""Hub <-> a real Plone 6.2 with the transparenca.plone add-on, started by the
suite (scripts/plone, its venv under .cache/plone): Plone's own signed
webhooks, received by a recording server and handed to the hub's endpoint,
make the hub pull as an anonymous visitor; publish -> searchable, edit ->
updated, Serbian translation -> one group, retract -> gone, Plone down during a
reconcile -> an error, nothing lost, caught up after."""

import importlib.util
import json
import os
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sources import sync
from sources.models import Source
from tests.conftest import require_service
from tests.live_site import free_port

from .conftest import indexed, refresh

pytestmark = pytest.mark.elasticsearch
REPO = Path(__file__).resolve().parents[2]
SECRET = "plone-webhook-secret-for-tests"
SLUG = "urbanizmi"


def plone_script():
    # On main, branch `plone` ships scripts/plone; SOURCES_PLONE_SCRIPT lets a
    # working copy without it point at a copy of that script.
    script = Path(os.environ.get("SOURCES_PLONE_SCRIPT", REPO / "scripts" / "plone"))
    require_service(script.exists(), f"{script} is missing (branch plone's script)")
    return script


class Recorder(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append((body, dict(self.headers)))
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def plone(tmp_path_factory, recorder):
    script = plone_script()
    port = free_port()
    env = {
        **os.environ,
        "PLONE_INSTANCE": str(tmp_path_factory.mktemp("plone") / "instance"),
        "PLONE_PORT": str(port),
    }

    def run(*args):
        subprocess.run(["bash", str(script), *args], env=env, check=True, timeout=600)

    venv = Path(env.get("PLONE_VENV", REPO / ".cache" / "plone" / "venv"))
    if not (venv / "bin" / "runwsgi").exists():
        run("install")  # the Plone venv from the committed constraints (~1 min)
    run("start")
    try:
        run(
            "create-site",
            "--hub-url",
            f"http://127.0.0.1:{recorder.server_port}/api/sources/{SLUG}/webhook/",
            "--secret",
            SECRET,
            "--source-slug",
            SLUG,
        )
        yield demo_client()(f"http://127.0.0.1:{port}/Plone", "admin", "admin"), run
    finally:
        run("stop")


def demo_client():
    """plone/demo_content.py's REST client (the script the demo loads Plone
    with): a file, not a package, since `plone` is Plone's own namespace."""
    spec = importlib.util.spec_from_file_location(
        "plone_demo_content", REPO / "plone" / "demo_content.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Plone


@pytest.fixture
def source(db, hub_index, plone):
    api, _run = plone
    return Source.objects.create(
        slug=SLUG,
        name="Drejtoria e Urbanizmit",
        kind=Source.PLONE,
        base_url=api.url,
        municipality="gjilan",
        webhook_secret=SECRET,
        timeout=10,
    )


def deliver(client, recorder, uid, seconds=5):
    """Wait (at most `seconds`) for Plone's webhook about `uid`, then hand
    it, byte for byte, to the hub's endpoint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for body, headers in list(recorder.received):
            if json.loads(body)["uid"] == uid:
                recorder.received.remove((body, headers))
                response = client.post(
                    f"/api/sources/{SLUG}/webhook/",
                    body,
                    content_type="application/json",
                    HTTP_X_TRANSPARENCA_SIGNATURE=headers["X-Transparenca-Signature"],
                    HTTP_X_TRANSPARENCA_TIMESTAMP=headers["X-Transparenca-Timestamp"],
                )
                assert response.status_code == 202, response.content
                return json.loads(body)
        time.sleep(0.1)
    raise AssertionError(f"no webhook about {uid} within {seconds} s")


def search(client, words):
    refresh()
    answer = client.get("/api/search/", {"q": words, "lang": "sq"}).json()
    return [r for r in answer["results"] if r["source"] == SLUG]


def test_publish_edit_translate_retract_and_a_down_plone(
    client, recorder, plone, source
):
    api, run = plone
    created = api.call(
        "POST",
        "/sq",
        {
            "@type": "transparenca_notice",
            "id": "njoftim-rruga-e-re",
            "title": "Njoftim për hapjen e rrugës Skënderbeu",
        },
    )
    uid = created["UID"]
    api.call("POST", "/sq/njoftim-rruga-e-re/@workflow/publish")
    event = deliver(client, recorder, uid)
    assert event["event"] == "publish"
    hits = search(client, "hapjen e rrugës Skënderbeu")
    assert [hit["url"] for hit in hits] == [created["@id"]]
    assert hits[0]["municipality"] == "gjilan"
    assert hits[0]["type"] == "notice"

    api.call(
        "PATCH",
        "/sq/njoftim-rruga-e-re",
        {"title": "Njoftim: rruga Skënderbeu mbyllet"},
    )
    deliver(client, recorder, uid)
    assert indexed(f"ext-{SLUG}-{uid}")["title"] == "Njoftim: rruga Skënderbeu mbyllet"

    serbian = api.call(
        "POST",
        "/sr",
        {
            "@type": "transparenca_notice",
            "id": "obavestenje-ulica",
            "title": "Obaveštenje: ulica Skenderbeg se zatvara",
            "translation_of": uid,
            "language": "sr",
        },
    )
    api.call("POST", "/sr/obavestenje-ulica/@workflow/publish")
    deliver(client, recorder, serbian["UID"])
    mine = indexed(f"ext-{SLUG}-{uid}")
    other = indexed(f"ext-{SLUG}-{serbian['UID']}")
    assert other["locale"] == "sr"
    assert mine["group"] == other["group"]
    assert "sr" in {language["locale"] for language in mine["languages"]}

    api.call("POST", "/sq/njoftim-rruga-e-re/@workflow/retract")
    assert deliver(client, recorder, uid)["event"] == "retract"
    assert indexed(f"ext-{SLUG}-{uid}") is None
    assert search(client, "Skënderbeu mbyllet") == []

    # Plone down during a reconcile: an error on the source, nothing lost.
    run("stop")
    result = sync.reconcile(source)
    source.refresh_from_db()
    assert "error" in result and source.last_error
    assert indexed(f"ext-{SLUG}-{serbian['UID']}")
    # Published meanwhile, no webhook received: the reconcile catches up.
    run("start")
    api.call("POST", "/sq/njoftim-rruga-e-re/@workflow/publish")
    recorder.received.clear()
    caught_up = sync.reconcile(source)
    assert "error" not in caught_up, caught_up
    assert indexed(f"ext-{SLUG}-{uid}")
    source.refresh_from_db()
    assert source.last_error == "" and source.consecutive_failures == 0

    # Deleted in Plone and the hub never told (its webhook is left in the
    # recorder): the next reconcile lists every public UID and drops it.
    api.call("DELETE", "/sr/obavestenje-ulica")
    assert indexed(f"ext-{SLUG}-{serbian['UID']}")
    gone = sync.reconcile(source)
    assert gone["removed"] == 1, gone
    assert indexed(f"ext-{SLUG}-{serbian['UID']}") is None
    assert {lang["locale"] for lang in indexed(f"ext-{SLUG}-{uid}")["languages"]} == {
        "sq"
    }


def test_a_retracted_folder_has_the_hub_re_pull_its_contents_at_once(
    client, recorder, plone, source
):
    """A folder's retraction changes no state of its contents; the add-on
    announces each visible item inside it, so the hub re-pulls them at once
    (not at its next reconcile) and keeps exactly what anonymous visitors still
    see. In a classic Plone a notice published in its own right stays visible
    (its View permission is its own, not acquired), so it stays in the hub.
    Items hidden by their folder (files and images, which have no workflow)
    can't be made here: this instance has no blob storage; the add-on's own
    tests check that they are announced too."""
    api, _run = plone
    api.call("POST", "/sq", {"@type": "Folder", "id": "planet", "title": "Planet"})
    api.call("POST", "/sq/planet/@workflow/publish")
    notice = api.call(
        "POST",
        "/sq/planet",
        {"@type": "transparenca_notice", "id": "zona-b", "title": "Njoftim Zona B"},
    )
    api.call("POST", "/sq/planet/zona-b/@workflow/publish")
    deliver(client, recorder, notice["UID"])
    document = f"ext-{SLUG}-{notice['UID']}"
    assert indexed(document)

    api.call("POST", "/sq/planet/@workflow/retract")
    assert deliver(client, recorder, notice["UID"])["event"] == "retract"
    assert api.call("GET", "/sq/planet/zona-b")["review_state"] == "published"
    assert indexed(document)  # re-pulled: anonymous visitors still see it

    api.call("POST", "/sq/planet/@workflow/publish")
    assert deliver(client, recorder, notice["UID"])["event"] == "publish"
    assert indexed(document)
