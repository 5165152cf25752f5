"""The worker outlasts a long write lock on SQLite (an editor's 500-page bulk
publish held it for about two minutes): it waits, then does the queued work,
instead of exiting and leaving every later update queued."""

import sqlite3
import time

import pytest

from tests.live_site import stop

from .test_worker_search import pending, publish, titles

pytestmark = [pytest.mark.elasticsearch]

BUSY_TIMEOUT = "1"  # seconds the worker's connection waits for a lock per try
# The worker's start-up (Django, Wagtail) alone took more than six seconds on a
# loaded CI machine, so the test waits for the worker's own retries, not a clock.
RETRIES = 3  # lock errors seen: the lock outlasted the busy timeout three times
STARTUP_SECONDS = 90


def test_worker_waits_out_a_write_lock_longer_than_its_busy_timeout(site):
    site.stop_worker()
    names = titles(1, "Njoftim gjatë bllokimit")
    page_id = publish(site, names)["ids"][0]  # queued; no worker runs it yet
    lock = sqlite3.connect(site.workdir / "db.sqlite3", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # what a long publishing transaction holds
    saved = dict(site.env)
    site.env["SQLITE_BUSY_TIMEOUT"] = BUSY_TIMEOUT
    try:
        worker = site.start(
            "worker-locked.log", "tasks_worker", "--no-reload", "--interval", "0.1"
        )
    finally:
        site.env.clear()
        site.env.update(saved)
    try:
        started = time.monotonic()
        while site.read_log("worker-locked.log").count("Database locked") < RETRIES:
            log = site.read_log("worker-locked.log")
            assert worker.poll() is None, f"the worker exited under the lock:\n{log}"
            assert time.monotonic() - started < STARTUP_SECONDS, log
            time.sleep(0.1)
        assert worker.poll() is None
        assert not site.found(names[0])
        lock.execute("ROLLBACK")
        site.wait_until(lambda: site.found(names[0]), 30)
        site.wait_until(lambda: not pending(site, [page_id]), 30)
        assert worker.poll() is None
    finally:
        lock.close()
        stop(worker, seconds=20)
        site.processes.remove(worker)
