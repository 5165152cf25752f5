import pytest

from access_requests.demo import demo_codes
from tests.browser.conftest import axe_violations, format_violations

pytestmark = pytest.mark.browser

LOCALES = ["sq", "sr", "tr", "en"]


@pytest.mark.parametrize("code", LOCALES)
def test_request_form_has_no_wcag_violations(page, site_url, code):
    response = page.goto(f"{site_url}/{code}/qasje/")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == code
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_form_errors_are_accessible(page, site_url):
    page.goto(f"{site_url}/en/qasje/")
    page.get_by_role("button", name="File the request").click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("[aria-invalid=true]").count() >= 1
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_filing_leads_to_an_accessible_receipt_and_status_page(page, site_url):
    page.goto(f"{site_url}/sq/qasje/")
    page.fill("#id_requester_name", "Browser Requester")
    page.fill("#id_email", "browser@example.org")
    page.check("input[name=category][value=media]")
    page.fill("#id_documents_requested", "Kontrata e transportit shkollor 2018")
    page.check("input[name=preferred_format][value=electronic]")
    page.locator("button[value=file]").click()
    page.wait_for_url("**/qasje/*/?filed=1")
    code = page.locator(".receipt .code").inner_text().strip()
    assert len(code) == 10
    html = page.content()
    assert "Browser Requester" not in html and "browser@example.org" not in html
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)

    response = page.goto(f"{site_url}/sr/qasje/{code}/")
    assert response.status == 200
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_stats_page_is_accessible(page, site_url):
    response = page.goto(
        f"{site_url}/tr/qasje/statistika/?from=2018-01-01&to=2018-06-30"
    )
    assert response.status == 200
    assert page.locator("table td", has_text="30").count() >= 1
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("index", [3, 8])
def test_answered_demo_requests_are_accessible(page, site_url, index):
    # 3 is refused, 8 partially granted: the answer section with a legal ground.
    code = demo_codes()[index]
    response = page.goto(f"{site_url}/en/qasje/{code}/")
    assert response.status == 200
    assert page.get_by_text("Legal ground").count() == 1
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_radios_are_big_unchosen_targets_on_a_phone(page, site_url):
    # The page fixture is 390 px wide: a phone.
    page.goto(f"{site_url}/en/qasje/")
    radios = page.locator("input[type=radio]")
    assert radios.count() >= 9
    assert page.locator("input[type=radio]:checked").count() == 0
    for index in range(radios.count()):
        radio = radios.nth(index)
        box = radio.bounding_box()
        # WCAG 2.5.8: at least 24 × 24 CSS px; the label around it is the
        # real target and is taller still.
        assert box["width"] >= 24 and box["height"] >= 24, box
        label = page.locator(f"label[for='{radio.get_attribute('id')}']")
        assert label.bounding_box()["height"] >= 44
    checkbox = page.locator("#id_is_urgent").bounding_box()
    assert checkbox["width"] >= 24 and checkbox["height"] >= 24
    # Nothing sticks out sideways at phone width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Clicking the words chooses; the keyboard moves within the group.
    page.get_by_text("Civil society").click()
    assert page.locator("#id_category_1").is_checked()
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_category_2").is_checked()


def test_a_missing_choice_is_named_in_the_error_summary(page, site_url):
    page.goto(f"{site_url}/sr/qasje/")
    page.fill("#id_requester_name", "Browser Requester")
    page.fill("#id_email", "browser@example.org")
    page.fill("#id_documents_requested", "Budžet 2018")
    page.locator("button[value=file]").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    links = summary.locator("a[href='#id_category'], a[href='#id_preferred_format']")
    assert links.count() == 2
    assert "Please choose" not in summary.inner_text()  # translated
    assert page.locator("input[type=radio]:checked").count() == 0
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
