"""Journey of the Serbian translator: from the localization queue into
wagtail-localize's editor, then "Publish in Serbian". Until that moment the
Serbian address says "not yet available" and parity counts a gap; after it the
page is in Serbian, found in Cyrillic and in Latin, and parity moves."""

import json
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, login, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]

SOURCE_TITLE = "Rregullore për parkimin në qendër të qytetit"
SOURCE_SUMMARY = "Parkimi në qendër kufizohet në dy orë gjatë ditës."
TITLE = "Правилник о паркирању у центру града"
SUMMARY = "Паркирање у центру ограничено је на два сата током дана."
SLUG_TYPED = "Правилник о паркирању"  # the translator types Cyrillic ...
SLUG = "pravilnik-o-parkiranju"  # ... the address is ASCII Serbian Latin
NOT_YET = "Ova stranica još nije dostupna"


def shell_value(site, code):
    return site.shell(code).splitlines()[-1]


def publish_source_act(site):
    """A new Albanian act, published (reviewed) and indexed; its id and URL."""
    out = shell_value(
        site,
        "from municipal_acts.models import ActIndexPage, MunicipalActPage;"
        "index = ActIndexPage.objects.get(locale__language_code='sq');"
        f"act = MunicipalActPage(title={SOURCE_TITLE!r}, summary={SOURCE_SUMMARY!r},"
        " official_number='01-654/18');"
        "index.add_child(instance=act); act.save_revision().publish();"
        "print(act.pk, index.pk, act.url)",
    )
    act_id, section_id, url = out.split()
    return int(act_id), int(section_id), url


def parity(site, section_id, act_id):
    with urllib.request.urlopen(f"{site.url}/api/parity/", timeout=10) as response:
        sections = json.load(response)["sections"]
    row = next(row for row in sections if row["section"]["id"] == section_id)
    sr = next(entry for entry in row["locales"] if entry["locale"] == "sr")
    return sr["available"], act_id in [gap["id"] for gap in sr["gaps"]]


def translate_next_segment(page, text):
    page.get_by_role("button", name="Translate", exact=True).first.click()
    page.locator("textarea").first.fill(text)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("textarea")).to_have_count(0)


def search_finds(phone, site, query, href_end, seconds=5.0):
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        phone.goto(f"{site.url}/sr/search/?q={query}")
        if phone.locator(f".search-results a[href$='{href_end}']").count():
            return True
        time.sleep(0.3)
    return False


def test_translator_publishes_serbian_and_only_then_citizens_see_it(
    live_site, new_desktop, phone
):
    act_id, section_id, source_url = publish_source_act(live_site)
    available_before, gap_before = parity(live_site, section_id, act_id)
    assert gap_before

    translator = new_desktop()
    login(translator, live_site, "translator-sr")
    translator.goto(f"{live_site.url}/admin/localization/queue/?locale=sr")
    row = translator.locator("tr", has_text=SOURCE_TITLE)
    expect(row).to_contain_text("Missing")
    shot(translator, "translator-01-queue")
    row.get_by_role("link", name="Translate").click()
    shot(translator, "translator-02-submit-translation")
    translator.get_by_role("button", name="Submit", exact=True).click()
    expect(translator.locator(".messages")).to_contain_text("Serbian")
    shot(translator, "translator-03-editor")
    draft_url = shell_value(
        live_site,
        "from wagtail.models import Page;"
        f"p = Page.objects.get(pk={act_id}).get_translations()"
        ".get(locale__language_code='sr');"
        "print(p.live, p.url)",
    )
    assert draft_url.startswith("False /sr/"), draft_url
    draft_url = live_site.url + draft_url.split()[1]

    # Until the translator publishes: the Serbian link and address say "not yet
    # available", the search finds nothing in Serbian, parity counts a gap.
    phone.goto(live_site.url + source_url)
    phone.locator("a[hreflang=sr], nav a[lang=sr]").first.click()
    expect(phone.locator("h1")).to_contain_text(NOT_YET)
    expect(phone.locator("main")).to_contain_text(SOURCE_TITLE)
    assert phone.locator("html").get_attribute("lang") == "sr"
    assert_accessible(phone)
    shot(phone, "citizen-sr-01-not-yet-available")
    response = phone.goto(draft_url)
    assert response.status == 404
    expect(phone.locator("h1")).to_contain_text(NOT_YET)
    shot(phone, "citizen-sr-02-draft-address")
    assert parity(live_site, section_id, act_id) == (available_before, True)

    # The translator translates title, summary and the address, and publishes.
    translate_next_segment(translator, TITLE)
    translate_next_segment(translator, SUMMARY)
    translator.get_by_role("tab", name="Promote").click()
    translate_next_segment(translator, SLUG_TYPED)
    shot(translator, "translator-04-translated")
    translator.get_by_role("button", name="Publish in Serbian").click()
    expect(translator.locator(".messages")).to_contain_text("Serbian")
    shot(translator, "translator-05-published")

    # Under the Serbian acts section's own address, with the translator's slug.
    published_url = (
        live_site.url
        + live_site.shell(
            "from wagtail.models import Page;"
            f"print(Page.objects.get(locale__language_code='sr', slug='{SLUG}').url)"
        ).splitlines()[-1]
    )
    assert published_url.endswith(f"/{SLUG}/")
    response = phone.goto(published_url)
    assert response.status == 200
    expect(phone.locator("h1")).to_contain_text(TITLE)
    expect(phone.locator("main")).to_contain_text(SUMMARY)
    assert phone.locator("html").get_attribute("lang") == "sr"
    assert_accessible(phone)
    shot(phone, "citizen-sr-03-in-serbian")
    assert search_finds(phone, live_site, "паркирању", f"/{SLUG}/")
    shot(phone, "citizen-sr-04-found-in-cyrillic")
    assert search_finds(phone, live_site, "parkiranju", f"/{SLUG}/")
    shot(phone, "citizen-sr-05-found-in-latin")
    assert parity(live_site, section_id, act_id) == (available_before + 1, False)
    translator.goto(f"{live_site.url}/admin/localization/parity/")
    shot(translator, "translator-06-parity")
