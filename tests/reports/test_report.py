import csv
import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from press.models import InvitationPage, PressIndexPage, PressReleasePage
from reports.figures import compute_figures, last_full_half_year
from reports.models import TransparencyReportPage

pytestmark = pytest.mark.django_db

PERIOD = (date(2018, 1, 1), date(2018, 6, 30))


def sq_index(model):
    return model.objects.get(locale__language_code="sq")


def add_press_release(day, title):
    page = PressReleasePage(title=title, slug=f"t-{title}", publication_date=day)
    sq_index(PressIndexPage).add_child(instance=page)
    page.save_revision().publish()
    return page


def test_working_days_and_average_checked_by_hand(demo_site):
    figures = compute_figures(*PERIOD)["communications"]
    # Jan 23 + Feb 20 + Mar 22 + Apr 21 + May 23 + Jun 21 weekdays in 2018, less
    # the holidays on weekdays: 1–2 Jan, 8 Jan (Orthodox Christmas on a Sunday),
    # 19 Feb (Independence Day on a Saturday), Easter Mondays 2 and 9 Apr (9 Apr
    # is also Constitution Day, so Orthodox Easter is observed on 10 Apr), 1 May,
    # 9 May and Eid al-Fitr on 15 June.
    assert figures["working_days"] == 23 + 20 + 22 + 21 + 23 + 21 - 10
    assert figures["per_working_day"] == round(figures["total"] / 120, 2)


def test_communication_counts_match_what_is_published(demo_site):
    figures = compute_figures(*PERIOD)["communications"]
    sq = {"locale__language_code": "sq", "publication_date__range": PERIOD}
    expected_press = PressReleasePage.objects.live().filter(**sq).count()
    assert expected_press > 380
    assert figures["counts"]["press_release"] == expected_press
    assert (
        figures["counts"]["invitation"]
        == InvitationPage.objects.live().filter(**sq).count()
    )
    assert figures["counts"]["media_conference"] == (
        InvitationPage.objects.live().filter(kind="media_conference", **sq).count()
    )
    assert sum(figures["by_month"].values()) == figures["total"]
    assert set(figures["by_month"]) == {f"2018-0{m}" for m in range(1, 7)}


def test_exact_counts_on_a_small_fixture(demo_site):
    start, end = date(2031, 3, 1), date(2031, 3, 31)
    for day in (1, 14, 31):
        add_press_release(date(2031, 3, day), f"march-{day}")
    add_press_release(date(2031, 4, 1), "april-1")  # outside the period
    draft = PressReleasePage(
        title="draft", slug="draft-x", publication_date=date(2031, 3, 2), live=False
    )
    sq_index(PressIndexPage).add_child(instance=draft)
    draft.save_revision()  # never published
    figures = compute_figures(start, end)["communications"]
    assert figures["counts"]["press_release"] == 3
    # March 2031: 21 weekdays, no holiday in the calendar that far ahead.
    assert figures["working_days"] == 21
    assert figures["per_working_day"] == round(3 / 21, 2)


def test_sessions_livestreamed_and_videos(demo_site):
    figures = compute_figures(*PERIOD)["sessions"]
    assert figures["held"] == 7
    assert figures["livestreamed"] == 7
    assert figures["video_published"] == 7
    assert [s["number"] for s in figures["sessions"]] == list(range(1, 8))


def test_share_in_official_languages(demo_site):
    figures = compute_figures(*PERIOD)["official_languages"]
    decision = figures["by_type"]["decision"]
    # Every decision of the demo is published in sq, sr and tr (the seed report).
    assert decision["per_language"]["sq"] == decision["published"] > 10
    assert decision["per_language"]["sr"] == decision["published"]
    assert decision["in_all_official_languages"] == decision["published"]
    total = sum(row["published"] for row in figures["by_type"].values())
    in_all = sum(
        row["in_all_official_languages"] for row in figures["by_type"].values()
    )
    assert figures["share_in_all_official_languages"] == round(in_all / total, 3)
    assert figures["translation_delay_days"]["median"] > 0


def test_published_report_keeps_its_figures(demo_site):
    report = TransparencyReportPage.objects.get(locale__language_code="sq")
    before = report.figures()
    live_total = compute_figures(*PERIOD)["communications"]["total"]
    add_press_release(date(2018, 3, 5), "late-addition")
    assert compute_figures(*PERIOD)["communications"]["total"] == live_total + 1
    report.refresh_from_db()
    assert report.figures() == before
    # Republishing does not refresh them either.
    report.save_revision().publish()
    assert report.figures() == before


def test_draft_report_shows_live_figures(demo_site):
    home = demo_site.root_page
    draft = TransparencyReportPage(
        title="Draft",
        slug="draft-report",
        period_start=PERIOD[0],
        period_end=PERIOD[1],
        live=False,
    )
    home.add_child(instance=draft)
    draft.save_revision()
    total = draft.figures()["communications"]["total"]
    add_press_release(date(2018, 2, 5), "another")
    assert draft.figures()["communications"]["total"] == total + 1


def test_translation_shares_the_frozen_figures(demo_site):
    sq = TransparencyReportPage.objects.get(locale__language_code="sq")
    sr = TransparencyReportPage.objects.get(locale__language_code="sr")
    assert sr.live
    assert sr.figures() == sq.figures()


def test_page_csv_and_json_agree(client, demo_site):
    report = TransparencyReportPage.objects.get(locale__language_code="sq")
    figures = report.figures()
    html = client.get(report.url).content.decode()
    communications = figures["communications"]
    assert f"<td>{communications['counts']['press_release']}</td>" in html
    assert "<svg" in html
    data = client.get(report.url + report.reverse_subpage("data_json")).json()
    assert data == json.loads(json.dumps(figures))
    rows = dict(
        csv.reader(
            io.StringIO(
                client.get(
                    report.url + report.reverse_subpage("data_csv")
                ).content.decode()
            )
        )
    )
    assert rows["communications.total"] == str(communications["total"])
    assert rows["sessions.livestreamed"] == str(figures["sessions"]["livestreamed"])
    assert (
        client.get(report.url + report.reverse_subpage("printable")).status_code == 200
    )


def test_serbian_report_renders(client, demo_site):
    sr = TransparencyReportPage.objects.get(locale__language_code="sr")
    response = client.get(sr.url)
    assert response.status_code == 200
    assert '<html lang="sr">' in response.content.decode()


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_transparency_report_command(demo_site, fmt):
    out = io.StringIO()
    call_command(
        "transparency_report",
        "--from",
        "2018-01-01",
        "--to",
        "2018-06-30",
        "--format",
        fmt,
        stdout=out,
    )
    text = out.getvalue()
    total = compute_figures(*PERIOD)["communications"]["total"]
    if fmt == "json":
        assert json.loads(text)["communications"]["total"] == total
    elif fmt == "csv":
        assert f"communications.total,{total}" in text
    else:
        assert "<table>" in text
        assert f"<td>{total}</td>" in text


def test_last_full_half_year():
    assert last_full_half_year(date(2026, 11, 28)) == (
        date(2026, 1, 1),
        date(2026, 6, 30),
    )
    assert last_full_half_year(date(2026, 3, 1)) == (
        date(2025, 7, 1),
        date(2025, 12, 31),
    )


def test_report_period_must_be_ordered(demo_site):
    from django.core.exceptions import ValidationError

    page = TransparencyReportPage(
        title="Bad",
        slug="bad",
        period_start=date(2018, 6, 30),
        period_end=date(2018, 1, 1),
    )
    with pytest.raises(ValidationError):
        page.clean()


def test_competitions(demo_site):
    figures = compute_figures(*PERIOD)["competitions"]
    assert figures["opened"] == 3
    assert figures["closed"] == 3


def test_access_request_figures_match_the_seed(demo_site):
    figures = compute_figures(*PERIOD)["access_requests"]
    assert figures["received"] == 30
    assert figures["answered_on_time"] == 28
    assert figures["pending"] == 2
