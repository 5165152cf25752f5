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


def test_a_download_with_the_wrong_digest_is_refused_and_deleted(tmp_path):
    cache = tmp_path / "cache"
    download = cache / "elasticsearch" / "download"
    download.mkdir(parents=True)
    zip_path = download / "elasticsearch-8.19.3.zip"
    zip_path.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty but valid zip
    env = {
        **os.environ,
        "ELASTICSEARCH_URL": "http://127.0.0.1:9278",
        "TRANSPARENCA_CACHE": str(cache),
    }
    result = run("install", env=env)
    assert result.returncode == 1
    assert "SHA-512 mismatch" in result.stderr
    assert not zip_path.exists()


@pytest.mark.skipif(not shutil.which("mvn"), reason="mvn needed")
def test_install_fetches_from_an_empty_maven_repository(tmp_path):
    # A fresh machine: nothing in ~/.m2 and Maven Central without checksum files.
    env = {
        **os.environ,
        "ELASTICSEARCH_URL": "http://127.0.0.1:9278",
        "TRANSPARENCA_CACHE": str(tmp_path / "cache"),
        "MAVEN_OPTS": f"-Dmaven.repo.local={tmp_path / 'm2'}",
    }
    result = run("install", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "verified SHA-512 of elasticsearch-8.19.3.zip" in result.stdout
