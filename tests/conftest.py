import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from core.elasticsearch_client import node_answers

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(available, message):
    """Skip locally when a service is missing; in CI a missing service fails."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{message} (CI=true: a missing service is a failure)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def elasticsearch_url():
    from django.conf import settings

    require_service(
        node_answers(settings.ELASTICSEARCH_URL, timeout=2),
        f"no Elasticsearch node at {settings.ELASTICSEARCH_URL}; "
        "run scripts/elasticsearch start",
    )
    return settings.ELASTICSEARCH_URL


@pytest.fixture
def es_client(elasticsearch_url):
    from core.elasticsearch_client import get_client

    client = get_client()
    yield client
    client.close()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo municipality once, with the command `make run` uses; each
    test then runs in a transaction rolled back to this state."""
    with django_db_blocker.unblock(), open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull)


@pytest.fixture
def demo_site(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches site root paths; rolled-back tests must not leave stale ones.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# One Playwright session for every browser test package (tests/browser, tests/journeys):
# the sync API can't be started twice in one process.
@pytest.fixture(scope="session")
def browser():
    require_service(
        shutil.which(CHROMIUM) or Path(CHROMIUM).exists(),
        f"Chromium not found at {CHROMIUM}",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
