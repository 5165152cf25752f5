"""The citizen search page in real Chromium: autocomplete, facets, axe-core."""

import os
import re

import pytest

from tests.browser.conftest import axe_violations, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


@pytest.fixture(scope="module")
def search_site(site_url, elasticsearch_url):
    """The browser site's index is built as it starts (see conftest)."""
    yield site_url
    from elasticsearch import Elasticsearch

    # Same prefix the harness gives the server process.
    es = Elasticsearch(elasticsearch_url, request_timeout=30)
    es.indices.delete(
        index=f"browser_{os.getpid()}_transparency*", ignore_unavailable=True
    )
    es.close()


def test_pick_an_autocomplete_suggestion_with_the_keyboard(page, search_site):
    page.goto(f"{search_site}/sq/search/")
    box = page.locator("#search-q")
    box.fill("vendim p")
    options = page.locator("#search-suggestions [role=option]")
    options.first.wait_for(state="visible", timeout=10_000)
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert (
        active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    )
    title = page.locator(f"#{active}").inner_text()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/sq/vendimet/"), timeout=10_000)
    assert page.locator("h1").inner_text().strip() == title.strip()


def test_type_search_apply_a_facet_and_pass_axe(page, search_site):
    page.goto(f"{search_site}/sq/search/")
    page.fill("#search-q", "komuna")
    # Enter with no suggestion chosen submits the form as usual.
    page.press("#search-q", "Enter")
    page.wait_for_selector(".search-result")
    before = page.locator(".search-result").count()
    page.locator(".facets a[href*='type=decision']").first.click()
    page.wait_for_url(re.compile(r"type=decision"))
    after = page.locator(".search-result").count()
    assert 0 < after < before
    selected = page.locator(".facets a[aria-current=true]")
    hrefs = [selected.nth(i).get_attribute("href") for i in range(selected.count())]
    # Choosing the selected type again removes the filter.
    assert any("type=" not in href for href in hrefs), hrefs
    assert page.locator(".search-result mark").count() > 0
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
