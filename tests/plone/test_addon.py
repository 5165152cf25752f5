"""The Plone add-on, from the hub's suite: its own tests (a Plone test layer,
zope.testrunner) in the Plone venv that `scripts/plone install` builds under
.cache/plone from plone/constraints.txt, and the demo path: a real Plone
started by `scripts/plone`, a site created, the demo content loaded, read back
the way the hub reads it (anonymous plone.restapi). Zope never runs in this
process: everything here is a subprocess or HTTP."""

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "plone"
VENV = REPO / ".cache" / "plone" / "venv"
ADDON = REPO / "plone" / "transparenca.plone"


def run(*args, timeout, **kwargs):
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, **kwargs
    )
    output = (result.stdout + result.stderr)[-6000:]
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{output}"
    return result.stdout


@pytest.fixture(scope="module")
def plone_venv():
    if not shutil.which("python3.11"):
        pytest.fail("python3.11 is needed for the Plone 6.2 venv")
    # Idempotent: a no-op (well under a second) once installed.
    run(str(SCRIPT), "install", timeout=900)
    return VENV


def test_addon_tests_pass_in_a_plone_layer(plone_venv, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    output = run(
        str(plone_venv / "bin" / "zope-testrunner"),
        "--test-path",
        str(ADDON / "src"),
        "-v",
        timeout=600,
        cwd=tmp_path,
        env=env,
    )
    # Every layer ran and nothing was skipped: the suite is what it claims.
    total = re.search(r"Total: (\d+) tests, 0 failures, 0 errors and 0 skipped", output)
    assert total, output[-3000:]
    assert int(total.group(1)) >= 26
    for layer in ("Integration", "Functional", "Server"):
        assert f"Transparenca:{layer}" in output


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url, admin=False):
    headers = {"Accept": "application/json"}
    if admin:  # scripts/plone's local default account
        headers["Authorization"] = "Basic " + base64.b64encode(b"admin:admin").decode()
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_script_starts_a_site_with_the_demo_content(plone_venv, tmp_path):
    port = str(free_port())
    instance = tmp_path / "instance"
    common = ["--port", port, "--instance", str(instance)]
    try:
        out = run(str(SCRIPT), "start", *common, timeout=180)
        assert f"http://127.0.0.1:{port}" in out
        run(str(SCRIPT), "status", *common, timeout=30)
        run(
            str(SCRIPT),
            "create-site",
            *common,
            "--hub-url",
            "http://127.0.0.1:9/nowhere/",
            "--secret",
            "s",
            "--source-slug",
            "urbanizmi",
            timeout=300,
        )
        site = f"http://127.0.0.1:{port}/Plone"
        out = run(
            sys.executable,
            str(REPO / "plone" / "demo_content.py"),
            "--url",
            site,
            timeout=300,
        )
        assert "pending   /sq/urbanizmi/projekt-rregullorja-per-parkingjet" in out
        # Anonymous, as the hub's plone adapter: only published items.
        found = get_json(f"{site}/@search?portal_type=transparenca_act&fullobjects=1")
        titles = {item["title"]: item for item in found["items"]}
        assert "Projekt-rregullorja për parkingjet publike" not in titles
        act = titles["Rregullorja për ndërtimet e përkohshme"]
        assert act["official_number"] == "01-016/18"
        assert act["language"]["token"] == "sq"
        [sr] = get_json(act["@id"] + "/@translations")["items"]
        assert sr["language"] == "sr"
        sr_act = get_json(sr["@id"])
        assert sr_act["title"] == "Pravilnik o privremenim objektima"
        assert sr_act["official_number"] == "01-016/18"
        # The private notice and the pending act exist, but not for the hub.
        for text, hidden in [("stafin", 1), ("parkingjet", 1)]:
            url = f"{site}/@search?SearchableText={text}"
            assert get_json(url, admin=True)["items_total"] == hidden
            assert get_json(url)["items_total"] == 0
        # Running it again changes nothing (idempotent).
        out = run(
            sys.executable,
            str(REPO / "plone" / "demo_content.py"),
            "--url",
            site,
            timeout=300,
        )
        assert "created" not in out
    finally:
        run(str(SCRIPT), "stop", *common, timeout=60)
    result = subprocess.run([str(SCRIPT), "status", *common], capture_output=True)
    assert result.returncode == 1
