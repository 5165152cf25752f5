"""The project's own Elasticsearch launcher, exercised on a second node so the
node the rest of the suite uses keeps running."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from tests.conftest import require_service

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "elasticsearch"
PORT = 9277


def run(*args, env):
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=400
    )


@pytest.fixture(scope="module")
def script_env():
    require_service(shutil.which("java") and shutil.which("mvn"), "java and mvn needed")
    cache = REPO / ".cache" / "script-test"
    shared_download = REPO / ".cache" / "elasticsearch" / "download"
    if shared_download.is_dir():
        (cache / "elasticsearch").mkdir(parents=True, exist_ok=True)
        target = cache / "elasticsearch" / "download"
        if not target.exists():
            shutil.copytree(shared_download, target)
    env = {
        **os.environ,
        "ELASTICSEARCH_URL": f"http://127.0.0.1:{PORT}",
        "TRANSPARENCA_CACHE": str(cache),
    }
    yield env
    run("stop", env=env)


def test_start_is_idempotent_status_and_stop(script_env):
    first = run("start", env=script_env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert f"running at http://127.0.0.1:{PORT}" in first.stdout

    second = run("start", env=script_env)
    assert second.returncode == 0
    assert "already running" in second.stdout

    status = run("status", env=script_env)
    assert status.returncode == 0
    assert "running at" in status.stdout
    assert "health: green" in status.stdout or "health: yellow" in status.stdout

    client = Elasticsearch(f"http://127.0.0.1:{PORT}", request_timeout=30)
    index = f"script-test-{uuid.uuid4().hex[:8]}"
    client.index(
        index=index, id="1", document={"title": "Vendim për buxhetin"}, refresh=True
    )
    found = client.search(index=index, query={"match": {"title": "buxhetin"}})
    assert found["hits"]["total"]["value"] == 1
    client.indices.delete(index=index)
    client.close()

    stopped = run("stop", env=script_env)
    assert stopped.returncode == 0
    assert "stopped" in stopped.stdout
    after = run("status", env=script_env)
    assert after.returncode != 0
    assert "not running" in after.stdout
    again = run("stop", env=script_env)
    assert again.returncode == 0


def test_unknown_command_explains_usage():
    result = subprocess.run([str(SCRIPT), "frobnicate"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "usage" in result.stderr
