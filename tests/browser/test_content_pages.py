"""axe-core (WCAG 2.2 AA) at phone width on every page type (items, section
indexes, home, report), in Albanian and Serbian, including the filter form's
error and empty states."""

import json
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest
from wagtail.models import Page, get_page_models

from tests.browser.conftest import axe_violations, format_violations

pytestmark = pytest.mark.browser

LOCALES = ["sq", "sr"]
# Every page type, discovered; the demo has each in Albanian and Serbian.
PAGE_TYPES = [m._meta.label for m in get_page_models() if m is not Page]


def page_path(site_url, label, code):
    """The path of one live page of this type in this language, asked of the
    site's own API (so the test follows the demo's slugs in each language)."""
    query = urlencode({"type": label, "locale": code, "limit": 1})
    with urllib.request.urlopen(f"{site_url}/api/v2/pages/?{query}") as response:
        items = json.load(response)["items"]
    assert items, f"the demo has a live {label} in {code}"
    return urlsplit(items[0]["meta"]["html_url"]).path


def check(page, url, status=200, code=None, fits=True):
    response = page.goto(url)
    assert response.status == status, url
    if code:
        assert page.get_attribute("html", "lang") == code
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
    if fits:
        # Nothing is wider than the phone (390 px): no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url


@pytest.mark.parametrize("label", PAGE_TYPES)
@pytest.mark.parametrize("code", LOCALES)
def test_every_page_type_has_no_wcag_violations(page, site_url, code, label):
    # The report's charts and tables at 390 px are tests/browser/test_reports.py's.
    fits = not label.startswith("reports.")
    check(page, site_url + page_path(site_url, label, code), code=code, fits=fits)


def test_competition_cards_show_their_state_on_a_phone(page, site_url):
    path = page_path(site_url, "municipal_acts.CompetitionIndexPage", "sq")
    check(page, site_url + path, code="sq")
    cards = page.locator(".card")
    assert cards.count() >= 1
    for index in range(cards.count()):
        facts = cards.nth(index).locator(".card-facts")
        assert facts.locator(".status").is_visible()
        assert facts.locator("time").get_attribute("datetime")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("year=2018&type=pressreleasepage&page=2", 200),
        ("type=noticepage&year=1999", 400),
        ("page=999", 404),
        ("department=", 200),
    ],
)
def test_filter_states_have_no_wcag_violations(page, site_url, query, status):
    check(page, f"{site_url}/sq/komunikata/?{query}", status=status)


def test_filters_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/sq/komunikata/")
        page.select_option("#id_type", "noticepage")
        page.click(".filters button[type=submit]")
        page.wait_for_load_state()
        assert "type=noticepage" in page.url
        assert page.locator(".card").count() >= 1
        assert page.locator("#id_type").input_value() == "noticepage"
    finally:
        context.close()
