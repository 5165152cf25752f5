"""The report's charts and labels in every language (issue 11, item 6)."""

import re
from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from reports.charts import bar_chart, svg_number
from reports.labels import label_context, month_label
from reports.models import TransparencyReportPage

pytestmark = pytest.mark.django_db

PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
NUMERIC_ATTRIBUTES = {"x", "y", "width", "height", "font-size"}


class SvgReader(HTMLParser):
    """Collects the numeric attributes and text of every chart on a page."""

    def __init__(self):
        super().__init__()
        self.charts = []
        self._text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.charts.append(
                {"viewBox": attrs.get("viewbox"), "numbers": [], "texts": []}
            )
        if not self.charts:
            return
        chart = self.charts[-1]
        for name in NUMERIC_ATTRIBUTES & set(attrs):
            chart["numbers"].append((name, attrs[name]))
        if tag == "text":
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "text" and self._text is not None:
            self.charts[-1]["texts"].append("".join(self._text).strip())
            self._text = None


def read_charts(html):
    reader = SvgReader()
    reader.feed(html)
    return reader.charts


def report_in(code):
    """The demo report in `code`, translated (untouched copy) if the demo has none."""
    page = TransparencyReportPage.objects.filter(locale__language_code=code).first()
    if page is None:
        source = TransparencyReportPage.objects.get(locale__language_code="sq")
        page = source.copy_for_translation(Locale.objects.get(language_code=code))
        page.save_revision().publish()
    return page


def report_html(client, code):
    page = report_in(code)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "value, text",
    [
        (15.4, "15.4"),
        (15.39, "15.4"),
        (3, "3"),
        (1234567, "1234567"),
        (0.0, "0"),
        (-0.01, "0"),
    ],
)
def test_svg_numbers_are_plain(value, text):
    with translation.override("sq"):
        assert svg_number(value) == text


@pytest.mark.parametrize("code", ["sq", "sr", "tr", "en"])
@override_settings(USE_THOUSAND_SEPARATOR=True)
def test_chart_coordinates_are_plain_numbers_in_every_language(client, demo_site, code):
    charts = read_charts(report_html(client, code))
    assert len(charts) == 2
    for chart in charts:
        width, height = chart["viewBox"].split(" ")[2:]
        assert PLAIN_NUMBER.match(width) and PLAIN_NUMBER.match(height)
        assert chart["numbers"], "a chart with no geometry"
        bad = [n for _name, n in chart["numbers"] if not PLAIN_NUMBER.match(n)]
        assert bad == []
        # Everything stays inside the viewBox, and rows go down the chart one
        # after the other (labels collapsed onto one line would not).
        limits = {"x": width, "width": width, "y": height, "height": height}
        for name, number in chart["numbers"]:
            assert float(number) <= float(limits.get(name, height)), (name, number)
        ys = [float(n) for name, n in chart["numbers"] if name == "y"]
        assert ys == sorted(ys) and len(set(ys)) == len(ys)


@pytest.mark.parametrize(
    "code, march", [("sq", "Mars"), ("sr", "Mart"), ("tr", "Mart"), ("en", "March")]
)
def test_month_labels_are_whole_translated_words(client, demo_site, code, march):
    month_chart = read_charts(report_html(client, code))[0]
    labels = month_chart["texts"][::2]
    assert f"{march} 2018" in labels
    assert all(len(label.split(" ")[0]) >= 3 for label in labels), labels


@pytest.mark.parametrize("code", ["sq", "sr", "tr"])
def test_no_raw_codes_on_the_report(client, demo_site, code):
    html = report_html(client, code)
    for raw in (
        "citizen",
        "civil_society",
        "political_party",
        ">act<",
        ">minutes<",
        ">decision<",
        ">sq<",
        ">sr<",
        ">tr<",
    ):
        assert raw not in html, raw


def test_labels_come_from_the_models_choices(demo_site):
    report = TransparencyReportPage.objects.get(locale__language_code="sq")
    figures = report.figures()
    with translation.override("sr"):
        labels = label_context(figures)
        categories = dict(labels["category_rows"])
        assert (
            categories["Građanin"]
            == figures["access_requests"]["by_requester_category"]["citizen"]
        )
        assert "Civilno društvo" in categories
        types = [row["label"] for row in labels["language_rows"]]
        assert len(types) == 3 and all("_" not in t for t in types)
        assert labels["language_headers"][0].lower().startswith("alban")
    with translation.override("tr"):
        assert month_label("2018-06") == "Haziran 2018"


def test_long_labels_keep_whole_words_room():
    chart = bar_chart(
        [
            ("Drejtoria për Planifikim Urban dhe Mbrojtje të Mjedisit", 5),
            ("ZIP", 10),
            ("Zero", 0),
        ]
    )
    first, second, zero = chart["bars"]
    assert first["short_label"].endswith("…") and len(first["short_label"]) == 40
    assert second["short_label"] == "ZIP"
    # The longest bar is twice the half-as-long one, and zero draws nothing.
    assert float(second["width"]) == 2 * float(first["width"])
    assert zero["width"] == "0"
    assert float(chart["height"]) == 3 * 50
