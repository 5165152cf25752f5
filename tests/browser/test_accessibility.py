import pytest

from tests.browser.conftest import axe_violations, format_violations

pytestmark = pytest.mark.browser

LOCALES = ["sq", "sr", "tr", "en"]


@pytest.mark.parametrize("code", LOCALES)
def test_home_page_has_no_wcag_violations(page, site_url, code):
    response = page.goto(f"{site_url}/{code}/")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == code
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_skip_link_moves_focus_to_main(page, site_url):
    page.goto(f"{site_url}/sq/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.locator(".skip-link").is_visible()
