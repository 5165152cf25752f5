"""axe-core (WCAG 2.2 AA) on every page type and every section index, in
Albanian and Serbian, including the filter form's error and empty states."""

import pytest

from tests.browser.conftest import axe_violations, format_violations

pytestmark = pytest.mark.browser

LOCALES = ["sq", "sr"]
# Each language has its own slugs: (Albanian path, Serbian path).
INDEXES = [
    ("aktet", "akti"),
    ("vendimet", "odluke"),
    ("procesverbalet", "zapisnici"),
    ("konkurset", "konkursi"),
    ("komunikata", "saopstenja"),
    ("seancat", "sednice"),
]
# One demo item of each page type; the demo translates each of them into Serbian.
ITEMS = [
    ("aktet/rregullore-per-taksat-komunale", "akti/uredba-o-opstinskim-taksama"),
    ("vendimet/vendim-per-buxhetin-2019", "odluke/odluka-o-budzetu-2019"),
    ("procesverbalet/procesverbali-seanca-1-2018", "zapisnici/zapisnik-sednica-1-2018"),
    ("konkurset/konkurs-per-mesimdhenes", "konkursi/konkurs-za-nastavnike"),
    (
        "komunikata/kryetari-takon-banoret-ne-cernice-20180103",
        "saopstenja/predsednik-opstine-se-sastao-sa-mestanima-u-cernici-20180103",
    ),
    (
        "komunikata/njoftim-per-nderprerjen-e-ujit-ne-livoc-te-eperm-20180116",
        "saopstenja/obavestenje-o-prekidu-vode-u-gornjem-livocu-20180116",
    ),
    (
        "komunikata/ftese-takim-publik-i-kryetarit-me-banoret-ne-kmetoc-20180105",
        "saopstenja/poziv-javni-sastanak-predsednika-opstine-sa-mestanima-u-kmetovcu-20180105",
    ),
    ("seancat/seanca-7-2018", "sednice/sednica-7-2018"),
]


def check(page, url, status=200, code=None):
    response = page.goto(url)
    assert response.status == status, url
    if code:
        assert page.get_attribute("html", "lang") == code
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("path", INDEXES)
@pytest.mark.parametrize("code", LOCALES)
def test_index_pages_have_no_wcag_violations(page, site_url, code, path):
    check(page, f"{site_url}/{code}/{path[LOCALES.index(code)]}/", code=code)


@pytest.mark.parametrize("path", ITEMS)
@pytest.mark.parametrize("code", LOCALES)
def test_item_pages_have_no_wcag_violations(page, site_url, code, path):
    check(page, f"{site_url}/{code}/{path[LOCALES.index(code)]}/", code=code)


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
