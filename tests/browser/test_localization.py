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


def test_not_yet_available_page_has_no_wcag_violations(page, site_url):
    page.goto(f"{site_url}{ACT}")
    english = page.locator('nav.languages a[hreflang="en"]')
    href = english.get_attribute("href")
    assert "/en/not-available/" in href
    response = page.goto(f"{site_url}{href}")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator(f'main a[href="{ACT}"]').count() == 1
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
