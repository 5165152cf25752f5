"""The transparency report read on a phone in the official languages: charts
whose labels are whole words and whose coordinates are plain numbers."""

import re

import pytest

from .conftest import assert_accessible, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]

PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def report_path(live_site, code):
    """The report's address in this language (each language has its own slug)."""
    return live_site.shell(
        "from reports.models import TransparencyReportPage as R;"
        f"print(R.objects.live().get(locale__language_code='{code}').url)"
    ).splitlines()[-1]


# Label of March 2018 in the month chart, and the requester category "citizen".
EXPECTED = {
    "sq": ("Mars 2018", "Qytetar"),
    "sr": ("Mart 2018", "Građanin"),
    "tr": ("Mart 2018", "Vatandaş"),
}


@pytest.fixture(scope="module")
def turkish_report(live_site):
    """The demo translates the report into Serbian only: publish a Turkish
    translation (wagtail-localize's copy) when there is none."""
    live_site.shell(
        "from wagtail.models import Locale;"
        "from reports.models import TransparencyReportPage as R;"
        "sq = R.objects.get(locale__language_code='sq');"
        "tr = Locale.objects.get(language_code='tr');"
        "tr_page = R.objects.filter(locale=tr).first() or "
        "sq.copy_for_translation(tr);"
        "tr_page.save_revision().publish()"
    )


def read_charts(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('figure.chart svg')].map(svg => ({
            viewBox: svg.getAttribute('viewBox'),
            numbers: [...svg.querySelectorAll('text, rect')].flatMap(el =>
                ['x', 'y', 'width', 'height'].filter(a => el.hasAttribute(a))
                    .map(a => el.getAttribute(a))),
            labels: [...svg.querySelectorAll('text')].filter((t, i) => i % 2 === 0)
                .map(t => ({text: t.textContent,
                            width: t.getBoundingClientRect().width})),
            width: svg.getBoundingClientRect().width,
        }))"""
    )


@pytest.mark.parametrize("code", ["sq", "sr", "tr"])
def test_report_charts_read_in_every_official_language(
    live_site, phone, turkish_report, code
):
    response = phone.goto(live_site.url + report_path(live_site, code))
    assert response.status == 200
    assert phone.locator("html").get_attribute("lang") == code
    charts = read_charts(phone)
    assert len(charts) == 2
    for chart in charts:
        assert all(PLAIN_NUMBER.match(n) for n in chart["viewBox"].split())
        assert chart["numbers"] and all(
            PLAIN_NUMBER.match(n) for n in chart["numbers"]
        ), chart["numbers"]
        assert chart["width"] <= 390
        for label in chart["labels"]:
            # A whole word is wider on screen than the single letter it collapsed to.
            assert len(label["text"]) > 3 and label["width"] > 25, label
    month, citizen = EXPECTED[code]
    assert month in [label["text"] for label in charts[0]["labels"]]
    main = phone.locator("main").inner_text()
    assert citizen in main
    for raw in ("citizen", "civil_society", "political_party"):
        assert raw not in main
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px wider than the phone"
    shot(phone, f"report-{code}-phone")
    assert_accessible(phone)


def test_report_is_reached_from_the_menu(live_site, phone):
    phone.goto(f"{live_site.url}/sr/")
    phone.click(".menu-toggle")
    shot(phone, "report-menu-open-sr")
    phone.locator("#main-menu").get_by_text("Izveštaj o transparentnosti").click()
    assert phone.url.endswith(report_path(live_site, "sr"))


def test_desktop_menu_footer_and_accessibility_statement(live_site, desktop):
    desktop.goto(f"{live_site.url}/tr/")
    menu = desktop.locator("#main-menu")
    assert menu.is_visible()
    assert not desktop.locator(".menu-toggle").is_visible()
    assert menu.locator("a[href='/tr/qasje/']").is_visible()
    shot(desktop, "desktop-home-tr")
    desktop.locator("footer").get_by_text("Erişilebilirlik beyanı").click()
    desktop.wait_for_url(f"{live_site.url}/tr/aksesueshmeria/")
    assert desktop.locator("h1").inner_text() == "Erişilebilirlik beyanı"
    assert desktop.locator("html").get_attribute("lang") == "tr"
    shot(desktop, "desktop-accessibility-statement-tr")
    assert_accessible(desktop)
