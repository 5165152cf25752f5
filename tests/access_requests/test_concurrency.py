"""The office's real load on a real deployment: gunicorn with 4 workers and the
production settings, on SQLite (the embedded default) and on PostgreSQL.

200 citizens filing at once are all stored with 200 distinct codes and nobody
gets a 5xx; a rate limit of 60 a minute lets 60 through, not 60 per worker."""

import sqlite3
import time
import urllib.parse

import pytest

from tests.access_requests import concurrency_worker as harness
from tests.conftest import require_service

FILINGS = 200


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def deployment(request, tmp_path_factory):
    if request.param == "postgresql":
        require_service(
            harness.postgres_answers(),
            f"no PostgreSQL at {harness.PG_URL}; run scripts/postgres start",
        )
    deployed = harness.Deployment(
        request.param, tmp_path_factory.mktemp(request.param), workers=4
    )
    try:
        deployed.prepare()
        deployed.start()
        yield deployed
    finally:
        deployed.stop()


def test_200_concurrent_filings_are_all_stored(deployment):
    started = time.monotonic()
    statuses = harness.file_concurrently(deployment.base, FILINGS, FILINGS)
    seconds = time.monotonic() - started
    assert harness.summary(statuses) == {"302": FILINGS}, deployment.server_errors()
    stored = deployment.stored()
    assert stored["vendor"] == deployment.vendor
    assert stored["stored"] == FILINGS
    assert stored["distinct"] == FILINGS
    assert "Traceback" not in deployment.server_errors()
    assert seconds < 90, f"{FILINGS} filings took {seconds:.1f} s"


def test_a_rate_limit_holds_across_four_workers(deployment):
    # stats_api: 60 requests a minute per client address (settings.RATE_LIMITS).
    harness.wait_for_fresh_window(60, needed=15)
    statuses = harness.burst(
        deployment.base, "/api/access-requests/stats/", count=300, concurrency=40
    )
    assert harness.summary(statuses) == {"200": 60, "429": 240}
    # Another client behind the same proxy has its own quota.
    other = harness.burst(
        deployment.base, "/api/access-requests/stats/", 1, 1, address="198.51.100.2"
    )
    assert other == [200]


FORM = {
    "action": "file",
    "requester_name": "Arben Krasniqi",
    "email": "arben@example.org",
    "category": "citizen",
    "documents_requested": "Procesverbali i mbledhjes se Kuvendit, mars 2018",
    "preferred_format": "copy",
}


def file_once(base):
    cookie, token = harness.csrf(base, "/en/qasje/")
    body = urllib.parse.urlencode({**FORM, "csrfmiddlewaretoken": token})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "X-Forwarded-For": "192.0.2.33",
    }
    status, headers, content = harness.request(
        "POST", base + "/en/qasje/", body, headers
    )
    return status, dict(headers), content.decode()


def test_a_locked_database_gets_a_try_again_page_with_the_text_kept(deployment):
    if deployment.vendor != "sqlite":
        pytest.skip("holds SQLite's write lock from a second connection")
    # A server that waits 1 s for the lock instead of 15, on the same database.
    impatient = deployment.sibling(workers=1, SQLITE_BUSY_TIMEOUT="1").start()
    before = deployment.stored()["stored"]
    database = deployment.database_url.removeprefix("sqlite:///")
    locker = sqlite3.connect(database, isolation_level=None, timeout=30)
    try:
        locker.execute("BEGIN IMMEDIATE")  # another writer that holds on
        status, headers, page = file_once(impatient.base)
        locker.execute("ROLLBACK")
        assert status == 503, page
        assert int(headers["Retry-After"]) > 0
        assert "<h1>Please try again</h1>" in page
        assert FORM["documents_requested"] in page
        assert 'value="Arben Krasniqi"' in page
        assert 'name="csrfmiddlewaretoken"' in page
        assert deployment.stored()["stored"] == before
        # The lock is gone: the same text is filed.
        status, headers, page = file_once(impatient.base)
        assert status == 302, page
        assert deployment.stored()["stored"] == before + 1
        assert "Traceback" not in impatient.server_errors()
    finally:
        locker.close()
        impatient.stop()
