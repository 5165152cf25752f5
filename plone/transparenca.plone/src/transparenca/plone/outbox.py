"""A persistent outbox of hub notifications: a SQLite file next to the instance
(not the ZODB, so a failed delivery never writes to, or conflicts with, the
editor's transaction) and one daemon thread per process that delivers it with
exponential back-off."""

import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import threading
import time
import urllib.error
import urllib.request

logger = logging.getLogger("transparenca.plone")

TIMEOUT = 5  # seconds per delivery attempt: the hub answers or is retried
FIRST_RETRY = 2  # seconds; doubled per failure up to MAX_RETRY
MAX_RETRY = 3600
POLL = 30  # seconds between looks at the outbox when nothing woke the thread

_lock = threading.Lock()
_wake = threading.Event()
_thread = None


def path():
    configured = os.environ.get("TRANSPARENCA_OUTBOX")
    if configured:
        return configured
    try:
        from App.config import getConfiguration

        home = getConfiguration().clienthome
    except Exception:  # no Zope configuration (scripts): the working folder
        home = None
    return os.path.join(home or os.getcwd(), "transparenca-outbox.sqlite")


def _connect():
    db = sqlite3.connect(path(), timeout=10, isolation_level=None)
    db.execute(
        "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, url TEXT,"
        " secret TEXT, source TEXT, event TEXT, attempts INTEGER DEFAULT 0,"
        " due REAL, last_error TEXT)"
    )
    return db


def enqueue(url, secret, source, event):
    with _lock:
        db = _connect()
        try:
            os.chmod(path(), 0o600)  # it holds the shared secret
            db.execute(
                "INSERT INTO outbox (url, secret, source, event, due)"
                " VALUES (?, ?, ?, ?, ?)",
                (url, secret, source, json.dumps(event), time.time()),
            )
        finally:
            db.close()
    wake()


def pending():
    """The undelivered notifications (for tests and the status view)."""
    with _lock:
        db = _connect()
        try:
            rows = db.execute(
                "SELECT id, event, attempts, due, last_error FROM outbox ORDER BY id"
            ).fetchall()
        finally:
            db.close()
    return [
        {"id": i, "event": json.loads(e), "attempts": a, "due": d, "error": err}
        for i, e, a, d, err in rows
    ]


def signed_request(url, secret, source, event):
    """The HTTP request for one attempt: a fresh timestamp and nonce each time,
    so a hub that rejects old or repeated deliveries accepts a late retry."""
    now = int(time.time())
    payload = dict(event, timestamp=now, nonce=secrets.token_hex(16))
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "transparenca.plone",
        "X-Transparenca-Signature": f"sha256={digest}",
        "X-Transparenca-Timestamp": str(now),
        "X-Transparenca-Source": source,
    }
    # The scheme is checked before sending (_send).
    return urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310


def _send(request):
    """None when the hub took it (2xx), else why not."""
    if request.type not in ("http", "https"):  # a typo'd setting, never file:
        return f"not an http(s) URL: {request.full_url}"
    try:
        # Only http(s), checked above.
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            response.read()
        return None
    except urllib.error.HTTPError as exc:
        if exc.code == 409:  # the hub already has this one (a retried nonce)
            return None
        return f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:  # refused, timeout, bad URL
        return str(exc) or exc.__class__.__name__


def deliver_due():
    """Send every notification that is due, oldest first; returns how many were
    delivered. A 2xx answer deletes the row, anything else postpones it."""
    with _lock:
        db = _connect()
        try:
            rows = db.execute(
                "SELECT id, url, secret, source, event, attempts FROM outbox"
                " WHERE due <= ? ORDER BY id",
                (time.time(),),
            ).fetchall()
        finally:
            db.close()
    delivered = 0
    down = {}  # url -> error: a hub that is down is not tried again this round
    for row_id, url, secret, source, event, attempts in rows:
        error = down.get(url)
        if error is None:
            error = _send(signed_request(url, secret, source, json.loads(event)))
            if error is not None:
                down[url] = error
        with _lock:
            db = _connect()
            try:
                if error is None:
                    db.execute("DELETE FROM outbox WHERE id = ?", (row_id,))
                    delivered += 1
                else:
                    delay = min(FIRST_RETRY * 2**attempts, MAX_RETRY)
                    db.execute(
                        "UPDATE outbox SET attempts = attempts + 1, due = ?,"
                        " last_error = ? WHERE id = ?",
                        (time.time() + delay, error, row_id),
                    )
                    logger.warning(
                        "hub notification %s to %s failed (%s); retry in %ss",
                        row_id,
                        url,
                        error,
                        delay,
                    )
            finally:
                db.close()
    return delivered


def seconds_to_next():
    with _lock:
        db = _connect()
        try:
            (due,) = db.execute("SELECT MIN(due) FROM outbox").fetchone()
        finally:
            db.close()
    return POLL if due is None else max(0.0, min(POLL, due - time.time()))


def _run():
    while True:
        try:
            timeout = seconds_to_next()
        except sqlite3.Error:
            timeout = POLL
        _wake.wait(timeout)
        _wake.clear()
        try:
            deliver_due()
        except Exception:  # the thread must outlive a broken outbox file
            logger.exception("delivering hub notifications failed")


def wake():
    """Start the delivery thread once per process, and have it look now."""
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(
                target=_run, name="transparenca-outbox", daemon=True
            )
            _thread.start()
    _wake.set()
