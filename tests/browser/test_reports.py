import pytest

from tests.browser.conftest import axe_violations, format_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", ["sq", "sr"])
def test_transparency_report_is_accessible(page, site_url, code):
    response = page.goto(f"{site_url}/{code}/raporti-janar-qershor-2018/")
    assert response.status == 200
    assert page.locator("svg[role=img] title").count() >= 2
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_printable_report_is_accessible(page, site_url):
    response = page.goto(f"{site_url}/sq/raporti-janar-qershor-2018/print/")
    assert response.status == 200
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
