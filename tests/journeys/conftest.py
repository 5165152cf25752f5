"""End-to-end journeys: the demo site as `make run` serves it (its own SQLite
database, real Elasticsearch with its own index prefix, the demo accounts), driven
by Debian's Chromium through Playwright, one test file per role of the office.

Screenshots of every step land in .cache/journeys/ so a person can look at them."""

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import axe_violations
from tests.conftest import CHROMIUM, require_service
from tests.live_site import REPO, SiteProcesses, free_port, site_env

SHOTS = REPO / ".cache" / "journeys"
PASSWORD = "transparenca-demo"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


class LiveSite(SiteProcesses):
    """The demo site as `make run` serves it, at `url`."""

    def __init__(self, url, env, workdir):
        super().__init__(env=env, workdir=workdir)
        self.url = url
        self.worker = None

    def manage(self, *args, timeout=300):
        """Run a management command against the live site's database and index."""
        return super().manage(*args, timeout=timeout)

    def shell(self, code, timeout=120):
        """Run Python in the site's Django environment; returns what it prints."""
        return super().shell(code, timeout=timeout)

    def log(self):
        return self.read_log("server.log")

    def worker_log(self):
        return self.read_log("worker.log")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, elasticsearch_url):
    workdir = tmp_path_factory.mktemp("journey-site")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = site_env(
        workdir,
        f"journey_{os.getpid()}",
        elasticsearch_url,
        BASE_URL=url,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(workdir / "mail"),
    )
    site = LiveSite(url=url, env=env, workdir=workdir)
    site.manage("migrate", "--noinput", "-v", "0", timeout=600)
    site.manage("load_demo_content", timeout=600)
    # The demo's documents were queued for text extraction: let a worker drain
    # the queue first, so the index is built with their text.
    site.manage("tasks_worker", "--batch", "--no-reload", "-v", "0", timeout=600)
    site.manage("rebuild_search_index", timeout=600)
    try:
        site.worker = site.start_worker(0.5)
        site.serve(port, "/admin/login/")
        yield site
    finally:
        site.close()
        site.drop_indices()


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
