import re

import pytest

from tests.browser.conftest import axe_violations, format_violations
from tests.browser.test_content_pages import page_path

pytestmark = pytest.mark.browser

PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def report_url(site_url, code):
    return site_url + page_path(site_url, "reports.TransparencyReportPage", code)


def chart_geometry(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('figure.chart svg')].map(svg => ({
            viewBox: svg.getAttribute('viewBox'),
            numbers: [...svg.querySelectorAll('[x],[y],[width],[height]')].flatMap(
                el => ['x', 'y', 'width', 'height'].filter(a => el.hasAttribute(a))
                    .map(a => el.getAttribute(a))),
            labels: [...svg.querySelectorAll('text:nth-of-type(odd)')].map(
                t => ({text: t.textContent, width: t.getBBox().width})),
            rendered: svg.getBoundingClientRect().width,
        }))"""
    )


@pytest.mark.parametrize("code", ["sq", "sr"])
def test_transparency_report_is_accessible(page, site_url, code):
    response = page.goto(report_url(site_url, code))
    assert response.status == 200
    assert page.get_attribute("html", "lang") == code
    assert page.locator("svg[role=img] title").count() >= 2
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("code", ["sq", "sr"])
def test_report_fits_a_phone_and_its_charts_read(page, site_url, code):
    page.goto(report_url(site_url, code))
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    charts = chart_geometry(page)
    assert len(charts) == 2
    for chart in charts:
        assert all(PLAIN_NUMBER.match(n) for n in chart["numbers"]), chart["numbers"]
        assert chart["rendered"] <= 390
        # Whole words, drawn wider than a letter (collapsed labels were one letter).
        assert all(len(label["text"]) > 3 for label in chart["labels"])
        assert all(label["width"] > 20 for label in chart["labels"])


def test_printable_report_is_accessible(page, site_url):
    response = page.goto(report_url(site_url, "sq") + "print/")
    assert response.status == 200
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)
