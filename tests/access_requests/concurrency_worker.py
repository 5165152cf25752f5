"""A real deployment on loopback, for the concurrency test and bench/filing_drill.py:
a database (a fresh SQLite file or PostgreSQL database) migrated with the
production settings, gunicorn with several workers in front of it, citizens
filing at once over HTTP, and a burst against a rate-limited endpoint.

Every process started here is stopped by `Deployment.stop()`."""

import concurrent.futures
import copy
import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "127.0.0.1"
PG_URL = os.environ.get("ACCESS_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5433")
# Hard bounds for a shared machine.
MAX_FILINGS, MAX_CONCURRENCY = 1000, 300
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

COUNT_SCRIPT = """
import json
from django.db import connection
from access_requests.models import AccessRequest
codes = list(AccessRequest.objects.values_list("tracking_code", flat=True))
print(json.dumps({"stored": len(codes), "distinct": len(set(codes)),
                  "vendor": connection.vendor}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def postgres_answers():
    try:
        import psycopg

        with psycopg.connect(f"{PG_URL}/postgres", connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False


def _postgres(statement):
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(statement)


class Deployment:
    """One database and one gunicorn serving it with the production settings."""

    def __init__(self, vendor, workdir, workers=4, threads=4):
        self.vendor = vendor
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.workers, self.threads = workers, threads
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.process = None
        self.pg_name = None
        self.log_path = self.workdir / "gunicorn.log"
        if vendor == "sqlite":
            database = self.workdir / "filings.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            self.database_url = f"sqlite:///{database}"
        else:
            self.pg_name = f"filings_{os.getpid()}_{secrets.token_hex(3)}"
            self.database_url = f"{PG_URL}/{self.pg_name}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": self.database_url,
            "WAGTAIL_SEARCH_BACKEND": "database",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # The documented set-up: one proxy in front, which appends the
            # client's address; the burst and the filings come "through" it.
            "RATE_LIMIT_TRUST_X_FORWARDED_FOR": "1",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
        }

    def manage(self, *arguments, timeout=300):
        return subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    def prepare(self):
        if self.pg_name:
            _postgres(f'CREATE DATABASE "{self.pg_name}"')
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("createcachetable", "-v", "0")
        if not (self.workdir / "static" / "staticfiles.json").exists():
            self.manage("collectstatic", "--noinput", "-v", "0")

    def start(self):
        self.log = open(self.log_path, "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi",
                "--chdir",
                str(REPO / "site"),
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(self.threads),
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=REPO,
            env=self.env,
            start_new_session=True,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited during start-up")
            # Every worker must be up, or the first requests measure start-up.
            if len(self.worker_pids()) >= self.workers and self.answers():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError("gunicorn did not answer within 90 s")

    def sibling(self, workers=1, **env):
        """Another gunicorn on the same database, with some settings changed;
        stopping it leaves the database alone."""
        other = copy.copy(self)
        other.workers, other.process, other.pg_name = workers, None, None
        other.port = free_port()
        other.base = f"http://{HOST}:{other.port}"
        other.env = {**self.env, **env}
        other.log_path = self.workdir / f"gunicorn-{other.port}.log"
        return other

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return children.read_text().split()
        except OSError:
            return []

    def answers(self):
        try:
            return request("GET", self.base + "/sq/qasje/")[0] == 200
        except OSError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
        if getattr(self, "log", None):
            self.log.close()
        if self.pg_name:
            _postgres(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
            self.pg_name = None

    def stored(self):
        output = self.manage("shell", "-c", COUNT_SCRIPT).stdout
        return json.loads(output.strip().splitlines()[-1])

    def server_errors(self):
        """Tracebacks gunicorn logged (a 500 leaves one)."""
        return self.log_path.read_text(errors="replace")


def request(method, url, body=None, headers=None, timeout=120):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def csrf(base, path="/sq/qasje/"):
    """A CSRF cookie and its form token, as a citizen's browser gets them."""
    _status, headers, body = request("GET", base + path)
    cookie = next(
        value.split(";")[0]
        for name, value in headers
        if name.lower() == "set-cookie" and value.startswith("csrftoken=")
    )
    return cookie, TOKEN.search(body).group(1).decode()


def at_once(count, concurrency, job):
    """Run job(i) for i in range(count), `concurrency` at a time, the first
    `concurrency` released together by a barrier; return the results in order."""
    concurrency = min(concurrency, count, MAX_CONCURRENCY)
    barrier = threading.Barrier(concurrency)

    def run(index):
        if index < concurrency:
            barrier.wait(timeout=60)
        try:
            return job(index)
        except (OSError, http.client.HTTPException) as error:
            return f"{type(error).__name__}: {error}"

    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(run, range(count)))


def file_concurrently(base, count=200, concurrency=200):
    """`count` citizens, each from their own address, file a request at once;
    return the HTTP statuses (or connection errors) in order."""
    count = min(count, MAX_FILINGS)
    cookie, token = csrf(base)

    def file(index):
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "action": "file",
                "requester_name": f"Qytetar {index}",
                "email": f"qytetar{index}@example.org",
                "category": "citizen",
                "documents_requested": f"Vendimi i Kuvendit nr. {index}",
                "preferred_format": "copy",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "X-Forwarded-For": f"10.{index // 250}.{index % 250}.7",
        }
        return request("POST", base + "/sq/qasje/", body, headers)[0]

    return at_once(count, concurrency, file)


def burst(base, path, count, concurrency, address="203.0.113.50"):
    """`count` GETs from one client address (through the proxy); the statuses."""
    headers = {"X-Forwarded-For": address, "Accept-Language": "sq"}
    return at_once(
        count, concurrency, lambda _i: request("GET", base + path, None, headers)[0]
    )


def wait_for_fresh_window(seconds, needed):
    """Sleep until a fixed window of `seconds` has at least `needed` seconds left,
    so that a burst is counted in one window."""
    left = seconds - time.time() % seconds
    if left < needed:
        time.sleep(left + 0.2)


def summary(statuses):
    counts = {}
    for status in statuses:
        counts[str(status)] = counts.get(str(status), 0) + 1
    return counts
