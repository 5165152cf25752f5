"""200 simultaneous filings against PostgreSQL store 200 requests with 200
distinct tracking codes (scripts/postgres start)."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import require_service

REPO = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("ACCESS_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5433")


def connect(dbname="postgres"):
    import psycopg

    return psycopg.connect(f"{PG_URL}/{dbname}", autocommit=True, connect_timeout=3)


def postgres_answers():
    try:
        with connect():
            return True
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False


@pytest.fixture
def postgres_database():
    require_service(
        postgres_answers(), f"no PostgreSQL at {PG_URL}; run scripts/postgres start"
    )
    name = f"access_concurrency_{os.getpid()}"
    with connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG_URL}/{name}"
    with connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_200_concurrent_submissions_get_200_distinct_codes(postgres_database):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("concurrency_worker.py"))],
        env={
            **os.environ,
            "DATABASE_URL": postgres_database,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        },
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["vendor"] == "postgresql"
    assert report["errors"] == []
    assert report["statuses"] == [302] * 200
    assert report["stored"] == 200
    assert report["distinct_codes"] == 200
    assert time.monotonic() - started < 120
    print(f"200 concurrent filings took {report['submit_seconds']} s")
