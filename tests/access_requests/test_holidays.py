"""One working-day calendar: the holidays package, the Holiday table as the
project's provider, the yearly check, and deadlines that follow the table."""

import importlib
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from access_requests.models import Holiday, State, holidays_between
from core import calendar

from .conftest import aware


def test_the_package_provider_follows_the_country_setting(settings):
    # The table is the default (core.holidays); the package alone is one setting.
    settings.TRANSPARENCA_HOLIDAY_PROVIDER = "core.calendar.package_holidays"
    # Europe Day 2026 is a Saturday: observed on Monday 11 May.
    assert date(2026, 5, 11) in calendar.holidays_between(
        date(2026, 5, 1), date(2026, 5, 31)
    )
    assert calendar.add_working_days(date(2026, 5, 8), 1) == date(2026, 5, 12)
    settings.TRANSPARENCA_HOLIDAY_COUNTRY = "DE"  # no 11 May in Germany
    assert calendar.add_working_days(date(2026, 5, 8), 1) == date(2026, 5, 11)


def test_counting_helpers_agree_with_each_other():
    holidays = {date(2026, 12, 25)}
    start = date(2026, 12, 18)
    end = calendar.add_working_days(start, 7, holidays)
    assert end == date(2026, 12, 30)
    assert calendar.working_days_between(start, end, holidays) == 7
    assert calendar.working_days_between(end, start, holidays) == -7
    assert len(calendar.working_days(start, end, holidays)) == 8  # start included


def _closed_all_2026(start, end):
    _calls.append((start, end))
    return {
        day
        for day in calendar.working_days(start, end, holidays=set())
        if day.year == 2026
    }


_calls = []


def test_a_count_past_the_first_window_asks_the_provider_again(settings):
    settings.TRANSPARENCA_HOLIDAY_PROVIDER = f"{__name__}._closed_all_2026"
    _calls.clear()
    assert calendar.add_working_days(date(2026, 1, 1), 1) == date(2027, 1, 1)
    assert len(_calls) > 1


@pytest.mark.django_db
def test_the_table_rules_its_years_and_the_package_fills_the_others():
    Holiday.objects.filter(date=date(2024, 1, 8)).delete()
    in_table = holidays_between(date(2024, 1, 1), date(2024, 1, 31))
    assert date(2024, 1, 8) not in in_table  # an officer removed it
    assert date(2024, 1, 1) in in_table
    # 2031 has no rows: the package answers (Orthodox Christmas, a Tuesday).
    assert date(2031, 1, 7) in holidays_between(date(2030, 12, 1), date(2031, 1, 31))


@pytest.mark.django_db
def test_check_holidays_reports_the_eid_decision_and_adds_missing_days():
    out = StringIO()
    call_command("check_holidays", stdout=out)
    text = out.getvalue()
    assert "2027-03-09 Eid al-Fitr (estimated)" in text
    assert "the table dates this feast" in text
    assert "only in the table:      2027-03-10 Eid al-Fitr" in text
    assert "2018-2027: 1 missing, 1 only in the table, 0 added" in text

    Holiday.objects.filter(date=date(2024, 6, 17)).delete()
    out = StringIO()
    call_command("check_holidays", "--years", "2024", "--add-missing", stdout=out)
    assert "2024-06-17 Eid al-Adha (observed, estimated) (added)" in out.getvalue()
    assert Holiday.objects.get(date=date(2024, 6, 17)).kind == "observed"

    # A year nobody seeded: the package's estimates are added for the officer
    # to check against the decision.
    call_command(
        "check_holidays", "--years", "2028", "--add-missing", stdout=StringIO()
    )
    assert Holiday.objects.filter(date__year=2028, name__startswith="Eid").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("years", ["20x8", "2027-2018", "1900-2100"])
def test_check_holidays_refuses_bad_years(years):
    with pytest.raises(CommandError):
        call_command("check_holidays", "--years", years, stdout=StringIO())


@pytest.mark.django_db
def test_the_seed_migration_holds_observed_days_and_deadlines_follow(make_request):
    # The migrations were regenerated from zero (nothing was deployed): core's
    # seed now holds the observed days the old 0004 added, and an open request
    # follows a table change through access_requests.deadlines.
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from access_requests.deadlines import recompute_open_deadlines

    migration = importlib.import_module("core.migrations.0002_seed_holidays")
    reason = "Observed holidays added to the calendar (holidays package)"
    # The models as the migration sees them (no signals, no model methods).
    before = MigrationExecutor(connection).loader.project_state(
        ("core", "0001_initial")
    )
    observed = Holiday.objects.filter(kind="observed", date__year=2024)
    observed_dates = set(observed.values_list("date", flat=True))
    assert observed_dates  # e.g. 17 June 2024, Eid al-Adha on a Sunday
    observed.delete()
    waiting = make_request(received="2024-06-14T10:00")
    answered = make_request(received="2024-06-14T10:00")
    answered.transition(
        State.GRANTED, decision_text="Sent", when=aware("2024-06-18T09:00")
    )
    assert waiting.deadline == date(2024, 6, 25)  # a day early: 17 June counted

    migration.seed(before.apps, None)
    recompute_open_deadlines(reason)

    assert observed_dates <= set(Holiday.objects.values_list("date", flat=True))
    waiting.refresh_from_db()
    answered.refresh_from_db()
    assert waiting.deadline == date(2024, 6, 26)
    assert answered.deadline == date(2024, 6, 25)
    record = waiting.history.latest()
    assert record.history_change_reason == reason
    assert record.deadline == date(2024, 6, 26)


@pytest.mark.django_db
def test_the_officers_group_has_exactly_its_permissions():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Access-request officers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_accessrequest", "add_holiday"} <= codenames
    assert "delete_accessrequest" not in codenames
    assert not any(name.endswith("_page") for name in codenames)
    collection = set(
        group.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert {"add_document", "choose_document"} <= collection
    assert not collection & {"change_document", "delete_document", "add_image"}
