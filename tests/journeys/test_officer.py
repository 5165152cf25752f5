"""The access-request officer's journey: a citizen files a request on the public
form from a phone; the officer (the demo account `officer`, no superuser) finds
it, moves it through its states, sees a new holiday move its deadline, answers
with a document; the citizen's status page and the statistics follow."""

import json
from datetime import date

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, login, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]

REQUEST_TEXT = "Kontrata për mirëmbajtjen e rrugëve në lagjen Arbëria, 2026"


def value(site, code):
    """What `code` prints last (the shell first lists what it auto-imported)."""
    return site.shell(code).splitlines()[-1].strip()


def stats(page, site, day):
    response = page.request.get(
        f"{site.url}/api/access-requests/stats/?from={day}&to={day}"
    )
    assert response.status == 200
    return json.loads(response.text())


def status_panel(page):
    panel = page.locator(".access-request-status")
    return {
        "state": panel.locator("[data-status-state]").inner_text().strip(),
        "deadline": panel.locator("[data-status-deadline]").inner_text().strip(),
        "days_left": panel.locator("[data-status-days-left]").inner_text().strip(),
        "history": panel.locator("tbody tr").all_inner_texts(),
    }


def save(page):
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_load_state()


def panel_is_accessible(page):
    """axe-core on the officer's status panel (the rest is Wagtail's own UI)."""
    from tests.browser.conftest import WCAG_TAGS, axe_script

    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate(
        "async (tags) => await axe.run('.access-request-status', "
        "{runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    assert result["violations"] == [], result["violations"]


def test_officer_works_a_request_from_filing_to_answer(live_site, phone, new_desktop):
    today = value(
        live_site, "from django.utils import timezone; print(timezone.localdate())"
    )
    before = stats(phone, live_site, today)

    # --- the citizen files on a phone --------------------------------------
    phone.goto(f"{live_site.url}/sq/qasje/")
    assert phone.locator("input[type=radio]:checked").count() == 0
    phone.fill("#id_requester_name", "Arta Krasniqi")
    phone.fill("#id_email", "arta@example.org")
    phone.get_by_text("Qytetar", exact=True).click()
    phone.fill("#id_documents_requested", REQUEST_TEXT)
    phone.locator("input[name=preferred_format][value=electronic]").check()
    shot(phone, "officer-01-citizen-form")
    phone.locator("button[value=file]").click()
    phone.wait_for_url("**/qasje/*/?filed=1")
    code = phone.locator(".receipt .code").inner_text().strip()
    shot(phone, "officer-02-citizen-receipt")
    assert stats(phone, live_site, today)["received"] == before["received"] + 1

    # --- the officer finds it in the queue ---------------------------------
    # Drita works in Albanian (her browser asks for English).
    live_site.shell(
        "from wagtail.users.models import UserProfile;"
        "from django.contrib.auth import get_user_model;"
        "u = get_user_model().objects.get(username='officer');"
        "p = UserProfile.get_for_user(u);"
        "p.preferred_language = 'sq'; p.save()"
    )
    officer = new_desktop()
    login(officer, live_site, "officer")
    officer.goto(f"{live_site.url}/admin/access-requests/requests/")
    # The listing's own search (the header form swaps the results in place).
    officer.locator("#listing-results").wait_for()
    officer.locator("form[data-controller~=w-swap] input[name=q]").fill(code)
    row = officer.locator("#listing-results tbody tr", has_text=code)
    row.wait_for()
    assert row.count() == 1
    # Only this request is left once the search has swapped the results in.
    expect(officer.locator("#listing-results tbody tr")).to_have_count(1)
    shot(officer, "officer-03-queue-found")
    row.get_by_role("link", name=code).click()
    officer.wait_for_url("**/edit/*/")
    edit_url = officer.url
    first = status_panel(officer)
    assert first["state"] == "Pranuar"
    assert first["days_left"] == "7"
    assert len(first["history"]) == 1
    # The received date is shown, not editable.
    assert officer.locator("[name=received_at]").count() == 0
    # Personal data stays in the admin.
    assert officer.locator("#id_requester_name").input_value() == "Arta Krasniqi"
    panel_is_accessible(officer)
    shot(officer, "officer-04-edit-received")

    # --- state 1: in progress, with an internal note -----------------------
    officer.select_option("#id_next_state", "in_progress")
    officer.fill("#id_transition_note", "Kërkuar nga Drejtoria e Urbanizmit")
    save(officer)
    officer.goto(edit_url)
    second = status_panel(officer)
    assert second["state"] == "Në proces"
    assert len(second["history"]) == 2
    assert "Drejtoria e Urbanizmit" in second["history"][-1]
    assert "Drita Zyrtare" in second["history"][-1]
    shot(officer, "officer-05-in-progress")

    phone.goto(f"{live_site.url}/sq/qasje/{code}/")
    assert phone.locator(".status").inner_text().strip() == "Në proces"
    assert "Urbanizmit" not in phone.content()  # internal notes stay internal
    assert_accessible(phone)

    # --- a holiday is declared before the deadline: the deadline moves -----
    holiday = value(
        live_site,
        "from django.utils import timezone; from core.calendar import "
        "add_working_days; print(add_working_days(timezone.localdate(), 2))",
    )
    officer.goto(f"{live_site.url}/admin/access-requests/holidays/new/")
    officer.fill("#id_date", holiday)
    officer.fill("#id_name", "Ditë zie")
    officer.select_option("#id_kind", "fixed")
    shot(officer, "officer-06-holiday-form")
    save(officer)
    # Saved: the confirmation names the holiday.
    assert "Ditë zie" in officer.locator(".messages").inner_text()
    officer.goto(edit_url)
    third = status_panel(officer)
    old_deadline = date(*reversed([int(p) for p in first["deadline"].split(".")]))
    new_deadline = date(*reversed([int(p) for p in third["deadline"].split(".")]))
    assert new_deadline > old_deadline
    assert "Ditë zie" in third["history"][-1]
    shot(officer, "officer-07-deadline-moved")

    # --- the answer, with a document ---------------------------------------
    title = value(
        live_site,
        "import io; from pypdf import PdfWriter;"
        "from django.core.files.base import ContentFile;"
        "from wagtail.documents import get_document_model;"
        "w = PdfWriter(); w.add_blank_page(width=595, height=842);"
        "b = io.BytesIO(); w.write(b);"
        "d = get_document_model()(title='Kontrata e mirëmbajtjes 2026',"
        " file=ContentFile(b.getvalue(), name='kontrata-2026.pdf')); d.save();"
        "print(d.title)",
    )
    officer.locator("#id_documents-ADD").click()
    officer.locator(
        "#id_documents-0-document-chooser [data-chooser-action-choose]"
    ).click()
    choice = officer.locator("a[data-chooser-modal-choice]", has_text=title)
    choice.click()
    officer.locator("#id_documents-0-document-chooser").get_by_text(title).wait_for()
    officer.select_option("#id_next_state", "granted")
    officer.fill(
        "#id_decision_text",
        "Kontrata u dha e plotë; e gjeni të bashkëngjitur.",
    )
    shot(officer, "officer-08-answer-form")
    save(officer)
    officer.goto(edit_url)
    last = status_panel(officer)
    assert last["state"] == "Miratuar", last
    assert "Mbyllur" in last["days_left"]
    assert "brenda afatit" in last["days_left"]
    assert len(last["history"]) == 4
    panel_is_accessible(officer)
    shot(officer, "officer-09-answered")

    # --- the citizen sees the answer and gets the document ------------------
    phone.goto(f"{live_site.url}/sq/qasje/{code}/")
    assert "Kontrata u dha e plotë" in phone.content()
    link = phone.get_by_role("link", name=title)
    assert link.count() == 1
    download = phone.request.get(f"{live_site.url}{link.get_attribute('href')}")
    assert download.status == 200
    assert download.body().startswith(b"%PDF")
    assert "Arta Krasniqi" not in phone.content()
    assert (
        phone.locator("meta[name=robots]")
        .get_attribute("content")
        .startswith("noindex")
    )
    assert_accessible(phone)
    shot(phone, "officer-10-citizen-answer")

    # --- the statistics follow ---------------------------------------------
    after = stats(phone, live_site, today)
    assert after["received"] == before["received"] + 1
    assert after["answered_on_time"] == before["answered_on_time"] + 1
    assert after["pending"] == before["pending"]
    phone.goto(f"{live_site.url}/sq/qasje/statistika/?from={today}&to={today}")
    assert_accessible(phone)
    shot(phone, "officer-11-statistics")
