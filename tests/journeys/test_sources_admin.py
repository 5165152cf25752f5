"""Journey: an Albanian-speaking admin (the browser asks for Albanian, the
account chose no language) opens Admin → Sources, sees a municipal source that
is down, presses "Sync now" and reads the result and the error in Albanian."""

import re
import time

from tests.live_site import free_port

from .conftest import DESKTOP, _context, login, shot

SLUG = "viti-journey"


def failures(live_site):
    return int(
        live_site.shell(
            "from sources.models import Source;"
            f"print(Source.objects.get(slug='{SLUG}').consecutive_failures)"
        ).splitlines()[-1]
    )


def test_an_albanian_admin_reads_the_sources_admin_in_albanian(live_site, browser):
    live_site.manage(
        "add_source", "transparenca", "--slug", SLUG, "--name", "Komuna e Vitisë",
        "--url", f"http://127.0.0.1:{free_port()}",  # nothing listens there
        "--municipality", "viti", "--municipality-name", "Viti", "--no-schedule",
    )  # fmt: skip
    context = _context(browser, DESKTOP, locale="sq-AL")
    page = context.new_page()
    try:
        login(page, live_site, "admin")
        page.get_by_role("link", name=re.compile("^Burimet")).first.click()
        page.wait_for_url(re.compile(r".*/admin/sources/"))
        main = page.locator("main")
        assert page.get_by_role("link", name="Shto një burim").count() == 1
        headers = main.locator("thead").inner_text()
        for label in ["Sinkronizimi i fundit", "Artikuj", "Gabimi i fundit"]:
            assert label in headers, headers
        row = main.locator("tr", has_text="Komuna e Vitisë")
        shot(page, "sources-admin-sq-01-list")

        before = failures(live_site)
        row.get_by_role("button", name="Sinkronizo tani").click()
        message = page.locator(".messages").inner_text()
        assert "Komuna e Vitisë" in message and "radhë" in message, message
        deadline = time.monotonic() + 60
        while failures(live_site) == before:
            assert time.monotonic() < deadline, live_site.worker_log()[-3000:]
            time.sleep(1)
        page.reload()
        row = page.locator("main tr", has_text="Komuna e Vitisë")
        assert "nuk arrihet" in row.inner_text(), row.inner_text()
        # The row's menu, in Albanian too.
        row.get_by_role("button", name=re.compile("Më shumë veprime")).click()
        assert page.get_by_role("link", name="Ndrysho").first.is_visible()
        shot(page, "sources-admin-sq-02-error")
        text = page.locator("main").inner_text()
        for english in ["Add source", "Sync now", "Last sync", "Last error",
                        "unreachable", "queued", "Edit", "Delete"]:  # fmt: skip
            assert english not in text, english
    finally:
        context.close()
        live_site.shell(
            f"from sources.models import Source; Source.objects.filter(slug='{SLUG}')"
            ".delete()"
        )
