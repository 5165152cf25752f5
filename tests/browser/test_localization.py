import json
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest

from tests.browser.conftest import axe_violations, format_violations

pytestmark = pytest.mark.browser

ACT = "/sq/aktet/rregullore-per-taksat-komunale/"


def test_change_log_page_has_no_wcag_violations(page, site_url):
    response = page.goto(f"{site_url}{ACT}changes/")
    assert response.status == 200
    assert page.locator("h1").inner_text().strip()
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def act_without_english(page, site_url):
    """An Albanian act the demo has not translated into English yet (its English
    link leads to the "not yet available" page), found through the site's API."""
    query = urlencode(
        {"type": "municipal_acts.MunicipalActPage", "locale": "sq", "limit": 50}
    )
    with urllib.request.urlopen(f"{site_url}/api/v2/pages/?{query}") as response:
        items = json.load(response)["items"]
    for item in items:
        path = urlsplit(item["meta"]["html_url"]).path
        page.goto(f"{site_url}{path}")
        href = page.locator('nav.languages a[hreflang="en"]').get_attribute("href")
        if href and "/en/not-available/" in href:
            return path, href
    pytest.fail("the demo has an act still waiting for its English translation")


def test_not_yet_available_page_has_no_wcag_violations(page, site_url):
    act, href = act_without_english(page, site_url)
    response = page.goto(f"{site_url}{href}")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator(f'main a[href="{act}"]').count() == 1
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
