"""Transparenca installed into another Wagtail project (issue 13).

The child process gets a path with the repository root and
tests/installable/project only: none of `site/`'s apps can be imported, the
image, document and user models are Wagtail's defaults, the database is a new
SQLite file migrated from zero and the index prefix is its own."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Path(__file__).resolve().parent / "project"

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def installed(tmp_path, elasticsearch_url):
    prefix = f"{os.environ.get('SEARCH_INDEX_PREFIX', 'transparenca_test')}_inst"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DATABASE_URL"}
    }
    word = f"zambak{uuid.uuid4().hex[:6]}"
    env.update(
        DJANGO_SETTINGS_MODULE="installable_site.settings",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(PROJECT)]),
        INSTALLABLE_DB=str(tmp_path / "db.sqlite3"),
        INSTALLABLE_MEDIA=str(tmp_path / "media"),
        INSTALLABLE_INDEX_PREFIX=prefix,
        INSTALLABLE_WORD=word,
        ELASTICSEARCH_URL=elasticsearch_url,
    )
    try:
        done = subprocess.run(
            [sys.executable, str(PROJECT / "scenario.py")],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        _drop_indices(elasticsearch_url, prefix)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _drop_indices(url, prefix):
    from elasticsearch import Elasticsearch

    es = Elasticsearch(url)
    try:
        for name in es.indices.get(index=f"{prefix}*", expand_wildcards="all"):
            es.indices.delete(index=name)
    finally:
        es.close()


def test_another_wagtail_site_migrates_publishes_and_finds(installed):
    assert installed["site_modules"] == []  # not one of site/'s apps loaded
    assert installed["root_type"] == "Page"  # Wagtail's own first page
    assert installed["degraded"] is False  # answered by Elasticsearch
    assert installed["found"] == installed["titles"]
    assert installed["rendered"] == {
        "act": 200,
        "decision": 200,
        "press_release": 200,
    }
    assert installed["page_in_html"] >= 1
