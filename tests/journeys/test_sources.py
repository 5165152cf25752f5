"""Journey: a directorate's Plone 6.2 site (real Plone with transparenca.plone,
started by scripts/plone, its demo content from plone/demo_content.py) is a
source of the demo hub. The admin opens Admin → Sources, sees its state and
presses "Sync now"; a citizen on a phone searches, finds the Plone items next
to the site's own, sees the "municipality / source" facet and follows a link
to the Plone page; each Plone result says who published it."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import require_service
from tests.live_site import REPO, free_port

from .conftest import assert_accessible, login, shot

SLUG = "urbanizmi"
SECRET = "journey-plone-secret"
PLONE_ACT = "Rregullorja për ndërtimet e përkohshme"


@pytest.fixture(scope="module")
def plone_source(tmp_path_factory, live_site):
    script = REPO / "scripts" / "plone"
    venv = Path(os.environ.get("PLONE_VENV", REPO / ".cache" / "plone" / "venv"))
    port = free_port()
    env = {
        **os.environ,
        "PLONE_INSTANCE": str(tmp_path_factory.mktemp("plone") / "instance"),
        "PLONE_PORT": str(port),
    }

    def run(*args):
        subprocess.run(["bash", str(script), *args], env=env, check=True, timeout=600)

    if not (venv / "bin" / "runwsgi").exists():
        run("install")  # the Plone venv from the committed constraints (~1 min)
    require_service((venv / "bin" / "runwsgi").exists(), "no Plone venv")
    plone_url = f"http://127.0.0.1:{port}/Plone"
    run("start")
    try:
        # What `make plone-demo` does, against the journey's hub.
        run(
            "create-site",
            "--hub-url",
            f"{live_site.url}/api/sources/{SLUG}/webhook/",
            "--secret",
            SECRET,
            "--source-slug",
            SLUG,
        )
        live_site.manage(
            "add_source",
            "plone",
            "--slug",
            SLUG,
            "--name",
            "Drejtoria e Urbanizmit",
            "--url",
            plone_url,
            "--municipality",
            "gjilan",
            "--municipality-name",
            "Gjilan",
            "--secret",
            SECRET,
        )
        subprocess.run(
            [sys.executable, str(REPO / "plone" / "demo_content.py")]
            + ["--url", plone_url],
            check=True,
            timeout=300,
        )
        yield plone_url
    finally:
        run("stop")


def source_state(live_site):
    """(items, last sync as ISO text, last error) of the Plone source."""
    line = live_site.shell(
        "from sources.models import Source;"
        f"s = Source.objects.get(slug='{SLUG}');"
        "print(s.item_count, s.last_sync_at and s.last_sync_at.isoformat(),"
        " repr(s.last_error))"
    ).splitlines()[-1]
    count, synced, error = line.split(" ", 2)
    return int(count), synced, error


def test_admin_syncs_the_plone_source_and_a_citizen_finds_its_items(
    live_site, plone_source, desktop, phone
):
    # The admin: Admin → Sources, the Plone source's row with its state.
    login(desktop, live_site, "admin")
    desktop.get_by_role("link", name=re.compile("Sources")).first.click()
    desktop.wait_for_url(re.compile(r".*/admin/sources/"))
    row = desktop.locator("tr", has_text="Drejtoria e Urbanizmit")
    assert row.count() == 1
    assert "gjilan" in row.inner_text()
    shot(desktop, "sources-01-admin-list")

    # Plone's webhooks brought the items as they were written; "Sync now"
    # queues a full reconcile, which the background worker runs.
    _count, synced_before, _error = source_state(live_site)
    row.get_by_role("button", name="Sync now").click()
    message = desktop.locator(".messages")
    assert "queued" in message.inner_text()
    shot(desktop, "sources-02-sync-queued")
    deadline = time.monotonic() + 60
    while True:
        count, synced, error = source_state(live_site)
        if synced != synced_before:
            break
        assert time.monotonic() < deadline, live_site.worker_log()[-3000:]
        time.sleep(1)
    # 5 items in sq and their 5 translations; the private and the pending
    # item are not public.
    assert (count, error) == (10, "''"), (count, error)
    desktop.reload()
    cells = desktop.locator("tr", has_text="Drejtoria e Urbanizmit").inner_text()
    assert "10" in cells.split()
    shot(desktop, "sources-03-synced")

    # The citizen, on a phone: one search finds Plone's act and the site's own.
    phone.goto(f"{live_site.url}/sq/search/?q=ndërtimet")
    results = phone.locator(".search-result h2 a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(href.startswith(plone_source) for href in hrefs), hrefs
    assert any(href.startswith(live_site.url) or href.startswith("/") for href in hrefs)
    # Who published it: the Plone results name the directorate and its
    # municipality, the site's own results need no such line.
    plone_result = phone.locator(".search-result", has_text=PLONE_ACT).first
    assert plone_result.locator(".publisher").inner_text() == (
        "Publikuar nga: Drejtoria e Urbanizmit, Gjilan"
    )
    local_results = phone.locator(".search-result").filter(
        has=phone.locator("h2 a[href^='/']")
    )
    assert local_results.count() > 0
    assert local_results.locator(".publisher").count() == 0
    facets = phone.locator("nav.facets")
    # "Municipality / source", by their names: the Plone source's option
    # beside this site's.
    option = facets.get_by_role("link", name="Gjilan / Drejtoria e Urbanizmit")
    assert option.count() == 1, facets.inner_text()
    here = facets.get_by_role("link", name="Komuna e Gjilanit / kjo faqe")
    assert here.count() == 1, facets.inner_text()
    assert SLUG not in facets.inner_text()
    shot(phone, "sources-04-citizen-results")
    assert_accessible(phone)

    # The facet narrows the results to the Plone source.
    option.click()
    phone.wait_for_load_state()
    assert "source=" in phone.url
    shot(phone, "sources-05-facet-gjilan")
    assert_accessible(phone)

    # Following the Plone result leads to the page on Plone itself.
    phone.get_by_role("link", name=PLONE_ACT).first.click()
    phone.wait_for_url(re.compile(re.escape(plone_source) + ".*"))
    assert PLONE_ACT in phone.locator("h1").first.inner_text()
    shot(phone, "sources-06-plone-page")
