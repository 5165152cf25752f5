"""End-to-end journeys: the demo site as `make run` serves it (its own SQLite
database, real Elasticsearch with its own index prefix, the demo accounts), driven
by Debian's Chromium through Playwright, one test file per role of the office.

Screenshots of every step land in .cache/journeys/ so a person can look at them."""

import os
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.conftest import axe_violations, free_port
from tests.conftest import CHROMIUM, require_service

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / ".cache" / "journeys"
PASSWORD = "transparenca-demo"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


@dataclass
class LiveSite:
    url: str
    env: dict
    workdir: Path
    processes: list = field(default_factory=list)
    worker: object = None

    def manage(self, *args, timeout=300):
        """Run a management command against the live site's database and index."""
        result = subprocess.run(
            [sys.executable, str(REPO / "manage.py"), *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def shell(self, code, timeout=120):
        """Run Python in the site's Django environment; returns what it prints."""
        return self.manage("shell", "-c", code, timeout=timeout).strip()

    def log(self):
        return (self.workdir / "server.log").read_text(errors="replace")

    def worker_log(self):
        return (self.workdir / "worker.log").read_text(errors="replace")


def wait_for(url, process, log_path, seconds=90):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(Path(log_path).read_text()) from None
            time.sleep(0.3)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, elasticsearch_url):
    workdir = tmp_path_factory.mktemp("journey-site")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "SEARCH_INDEX_PREFIX": f"journey_{os.getpid()}",
        "ELASTICSEARCH_URL": elasticsearch_url,
        "BASE_URL": url,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
    }
    site = LiveSite(url=url, env=env, workdir=workdir)
    site.manage("migrate", "--noinput", "-v", "0", timeout=600)
    site.manage("load_demo_content", timeout=600)
    # The demo's documents were queued for text extraction: let a worker drain
    # the queue first, so the index is built with their text.
    site.manage("db_worker", "--batch", "--no-reload", "-v", "0", timeout=600)
    site.manage("rebuild_search_index", timeout=600)
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "manage.py"),
            "runserver",
            "--noreload",
            f"127.0.0.1:{port}",
        ],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    site.processes.append(server)
    # The background worker, as `make run` starts it beside the site.
    worker_log = open(workdir / "worker.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "manage.py"),
            "db_worker",
            "--no-reload",
            "--interval",
            "0.5",
        ],
        env=env,
        cwd=REPO,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    site.processes.append(worker)
    site.worker = worker
    wait_for(f"{url}/admin/login/", server, workdir / "server.log")
    yield site
    for process in site.processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    log.close()
    worker_log.close()
    site.shell(
        "from core.elasticsearch_client import get_client;"
        f"get_client().indices.delete(index='journey_{os.getpid()}*',"
        " ignore_unavailable=True, allow_no_indices=True)"
    )


def _context(browser, viewport, **kwargs):  # noqa: F811
    context = browser.new_context(viewport=viewport, **kwargs)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def phone(browser):  # noqa: F811
    context = _context(browser, PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):  # noqa: F811
    context = _context(browser, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def new_desktop(browser):  # noqa: F811
    """A factory of separate browser sessions, one per person in a journey."""
    contexts = []

    def make():
        context = _context(browser, DESKTOP)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def login(page, site, username, password=PASSWORD):
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/(?!login).*"))


def shot(page, name):
    """Keep a screenshot of this step (.cache/journeys/<name>.png)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, violations


@pytest.fixture(scope="session", autouse=True)
def _chromium_present():
    require_service(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
