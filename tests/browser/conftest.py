"""Real-browser harness: a server process on its own SQLite database with the demo
content, driven by Debian's Chromium through Playwright, checked with axe-core."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require_service

REPO = Path(__file__).resolve().parents[2]

AXE_DIR = REPO / ".cache" / "vendor"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def axe_script():
    candidates = sorted(AXE_DIR.glob("axe-core-*/axe.min.js"))
    require_service(candidates, "axe-core is not vendored; run scripts/vendor-assets")
    return candidates[-1]


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("browser-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAIL_SEARCH_BACKEND": "database",
        "SEARCH_INDEX_PREFIX": f"browser_{os.getpid()}",
    }
    manage = [sys.executable, str(REPO / "manage.py")]
    # No worker runs beside this server: build the index the worker would fill.
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo_content"],
        ["rebuild_search_index"],
    ):
        subprocess.run(
            [*manage, *command],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
            timeout=600,
        )
    port = free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/admin/login/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((workdir / "server.log").read_text()) from None
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page):
    """Run axe-core (WCAG 2.2 A/AA rules) on the loaded page; return violations."""
    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate(
        "async (tags) => await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def format_violations(violations):
    return json.dumps(violations, indent=2, ensure_ascii=False)
