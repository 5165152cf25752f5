"""A citizen on a phone: from the home page to a filed request, by keyboard."""

import re

import pytest

from .conftest import assert_accessible, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]

MAX_TABS = 25


def tab_to(page, href_suffix):
    """Press Tab until a link ending in `href_suffix` has the focus; the count."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.endswith(href_suffix):
            return presses
    pytest.fail(f"{MAX_TABS} Tab presses never reached a link to {href_suffix}")


def test_citizen_files_a_request_from_the_home_page(live_site, phone):
    phone.goto(f"{live_site.url}/sq/")
    assert phone.locator("html").get_attribute("lang") == "sq"
    shot(phone, "citizen-01-home")
    assert_accessible(phone)

    # Keyboard alone to the form: Tab through the lean header into the page.
    presses = tab_to(phone, "/sq/qasje/")
    assert presses <= 12, presses
    shot(phone, "citizen-02-focus-on-request-link")
    phone.keyboard.press("Enter")
    phone.wait_for_url(f"{live_site.url}/sq/qasje/")
    assert phone.locator("h1").inner_text() == "Kërkoni qasje në dokumente publike"
    shot(phone, "citizen-03-form")
    assert_accessible(phone)

    phone.get_by_label("Emri juaj").fill("Arta Krasniqi")
    phone.locator("input[name=email]").fill("arta@example.org")
    phone.locator("input[name=category][value=citizen]").check()
    phone.locator("textarea[name=documents_requested]").fill(
        "Procesverbali i seancës së Kuvendit Komunal të marsit 2018."
    )
    phone.locator("input[name=preferred_format][value=electronic]").check()
    shot(phone, "citizen-04-form-filled")
    phone.locator("button[value=file]").click()

    phone.wait_for_url(re.compile(r".*/sq/qasje/[A-Z2-9]{10}/\?filed=1$"))
    code = phone.locator(".receipt .code").inner_text().strip()
    assert re.fullmatch(r"[A-HJ-KM-NP-Z2-9]{10}", code), code
    assert code in phone.url
    shot(phone, "citizen-05-receipt")
    assert_accessible(phone)

    # Later, from any page: the footer's "Follow a request" and the code.
    phone.goto(f"{live_site.url}/sq/")
    phone.locator("footer a[href='/sq/qasje/gjurmo/']").click()
    phone.locator("input[name=code]").fill(code)
    shot(phone, "citizen-06-lookup")
    phone.keyboard.press("Enter")
    phone.wait_for_url(f"{live_site.url}/sq/qasje/{code}/")
    assert code in phone.locator("h1").inner_text()
    text = phone.locator("main").inner_text()
    assert "Procesverbali i seancës" in text
    # The requester's name and e-mail never show on the status page.
    assert "Arta Krasniqi" not in phone.content()
    assert "arta@example.org" not in phone.content()
    shot(phone, "citizen-07-status")
    assert_accessible(phone)
    stored = live_site.shell(
        "from access_requests.models import AccessRequest;"
        f"print(AccessRequest.objects.get(tracking_code='{code}').requester_name)"
    )
    assert stored.splitlines()[-1] == "Arta Krasniqi"
