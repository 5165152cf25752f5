"""Journey of an act through the four-eyes review: the editor drafts it in
Albanian with its signed PDF, previews and submits it and cannot publish it;
another person, the moderator, approves it; citizens find it within 2 s,
typing without diacritics."""

import contextlib
import re
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import assert_accessible, login, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]

TITLE = "Rregullore për ndriçimin publik të rrugëve"
SLUG = "rregullore-per-ndricimin-publik-te-rrugeve"
SUMMARY = "Komuna ndriçon çdo rrugë kryesore gjatë natës, nga muzgu deri në agim."
# What a citizen types on a phone: no ë, no ç.
QUERY = "ndricimin publik"


def signed_pdf(tmp_path):
    from home.demo_pdf import minimal_pdf

    path = tmp_path / "rregullore-ndricimi-nenshkruar.pdf"
    path.write_bytes(
        minimal_pdf(
            ["Rregullore per ndricimin publik te rrugeve", "Nenshkruar: Kryetari"],
            title="Rregullore e nenshkruar",
        )
    )
    return path


def shell_value(site, code):
    """The last line `code` prints (Django's shell may print a banner first)."""
    return site.shell(code).splitlines()[-1]


def acts_index_id(site):
    return int(
        shell_value(
            site,
            "from municipal_acts.models import ActIndexPage;"
            "print(ActIndexPage.objects.get(locale__language_code='sq').pk)",
        )
    )


def editor_drafts_and_submits(page, site, pdf):
    """The editor's part; returns the new act's admin edit URL."""
    login(page, site, "editor")
    shot(page, "editor-01-dashboard")
    # Wagtail autosaves the new page (and turns the form into an edit form):
    # before pressing "Save draft", wait until no autosave is in flight, so two
    # writes do not meet in the demo's SQLite database on a busy machine.
    writes = {"pending": 0, "hydrated": False, "errors": []}

    def started(request):
        if request.method == "POST" and "/admin/pages/" in request.url:
            writes["pending"] += 1

    def finished(request):
        if request.method == "POST" and "/admin/pages/" in request.url:
            writes["pending"] -= 1

    def answered(response):
        writes["hydrated"] |= "_w_hydrate_create_view" in response.url
        if response.status >= 500:
            writes["errors"].append(f"{response.status} {response.url}")

    page.on("request", started)
    page.on("requestfinished", finished)
    page.on("requestfailed", finished)
    page.on("response", answered)
    page.goto(
        f"{site.url}/admin/pages/add/municipal_acts/municipalactpage/"
        f"{acts_index_id(site)}/"
    )
    page.fill("#id_title", TITLE)
    page.fill("#id_official_number", "01-321/18")
    page.fill("#id_adoption_date", "2018-06-28")
    page.fill("#id_summary", SUMMARY)
    attachments = page.locator("[data-contentpath=attachments]")
    attachments.locator("button.c-sf-add-button").first.click()
    attachments.get_by_role("button", name=re.compile("Choose a document")).click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    upload = modal.locator("#tab-upload")
    upload.locator("input[type=file]").set_input_files(str(pdf))
    upload.locator("input[name$=title]").fill("Rregullore e nënshkruar (PDF)")
    shot(page, "editor-02-upload-signed-pdf")
    upload.locator("button[type=submit]").click()
    expect(modal).to_be_hidden()
    expect(attachments).to_contain_text("Rregullore e nënshkruar (PDF)")
    shot(page, "editor-03-act-filled")

    # Four eyes: the editor is offered "Submit", never "Publish".
    footer = page.locator("footer")
    expect(footer.locator("button[name=action-submit]")).to_have_count(1)
    expect(footer.locator("button[name=action-publish]")).to_have_count(0)
    deadline = time.monotonic() + 30
    quiet_since = None
    while time.monotonic() < deadline:
        if writes["hydrated"] and writes["pending"] == 0:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 1.0:
                break
        else:
            quiet_since = None
        page.wait_for_timeout(100)
    footer.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"), timeout=45_000)
    assert not writes["errors"], writes["errors"]
    expect(page.locator(".messages")).to_contain_text(TITLE)
    edit_url = page.url.split("?")[0]

    # Preview in the side panel, as citizens will see it.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(TITLE, timeout=20_000)
    expect(preview.locator("body")).to_contain_text("Rregullore e nënshkruar (PDF)")
    shot(page, "editor-04-preview")
    page.locator("[data-side-panel-toggle=preview]").click()

    footer.get_by_role("button", name="More actions").click()
    expect(footer.locator("button[name=action-publish]")).to_have_count(0)
    shot(page, "editor-05-actions-without-publish")
    footer.locator("button[name=action-submit]").click()
    # Autosave may have stored a newer revision from this same window; Wagtail
    # then asks before submitting over it (the text is the same).
    confirm = page.get_by_role("dialog").get_by_role(
        "button", name=re.compile("Submit to Review")
    )
    with contextlib.suppress(PlaywrightTimeout):
        confirm.click(timeout=3_000)
    expect(page.locator(".messages")).to_contain_text("submitted", timeout=20_000)
    shot(page, "editor-06-submitted")
    return edit_url


def test_editor_submits_an_act_moderator_approves_citizen_finds_it(
    live_site, new_desktop, phone, tmp_path
):
    editor = new_desktop()
    edit_url = editor_drafts_and_submits(editor, live_site, signed_pdf(tmp_path))
    page_id = int(re.search(r"/pages/(\d+)/", edit_url).group(1))
    public_url = f"{live_site.url}/sq/aktet/{SLUG}/"
    # In review: not public, and the editor still cannot publish or approve.
    assert phone.goto(public_url).status == 404
    editor.goto(edit_url)
    expect(editor.locator("body")).to_contain_text("In Moderation")
    footer = editor.locator("footer")
    expect(footer.locator("button[name=action-publish]")).to_have_count(0)
    expect(footer.locator("[data-workflow-action-name]")).to_have_count(0)
    shot(editor, "editor-07-in-moderation-no-approve")

    # The moderator, in a browser of their own.
    moderator = new_desktop()
    login(moderator, live_site, "moderator")
    expect(moderator.locator("body")).to_contain_text(TITLE)
    shot(moderator, "moderator-01-awaiting-review")
    moderator.goto(edit_url)
    shot(moderator, "moderator-02-review")
    footer = moderator.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    approve = footer.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    expect(approve).to_be_visible()
    approve.click()
    approved_at = time.monotonic()
    moderator.wait_for_url(re.compile(r".*/admin/pages/\d+/"))
    shot(moderator, "moderator-03-approved")

    # The citizen, on a phone, without diacritics; found within 2 seconds.
    found = False
    while time.monotonic() - approved_at < 2.0:
        phone.goto(f"{live_site.url}/sq/search/?q={QUERY.replace(' ', '+')}")
        if phone.locator(f".search-results a[href$='/{SLUG}/']").count():
            found = True
            break
    elapsed = time.monotonic() - approved_at
    shot(phone, "citizen-01-search-without-diacritics")
    assert found, f"not found {elapsed:.2f} s after the approval"
    phone.locator(f".search-results a[href$='/{SLUG}/']").first.click()
    expect(phone.locator("h1")).to_contain_text(TITLE)
    expect(phone.locator("main")).to_contain_text("Rregullore e nënshkruar (PDF)")
    assert_accessible(phone)
    shot(phone, "citizen-02-act")
    approvals = shell_value(
        live_site,
        "from wagtail.models import PageLogEntry;"
        f"print(list(PageLogEntry.objects.filter(page_id={page_id},"
        " action='wagtail.workflow.approve').values_list('user__username',"
        " flat=True)))",
    )
    assert approvals == "['moderator']"
