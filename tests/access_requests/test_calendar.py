from datetime import date, timedelta

import pytest

from access_requests.calendar import (
    EID_AL_FITR,
    SEEDED_YEARS,
    add_working_days,
    differences,
    holidays_for_year,
    package_rows,
    working_days_between,
)
from access_requests.models import Holiday, State, holiday_dates

from .conftest import aware


@pytest.mark.parametrize(
    ("year", "western", "orthodox"),
    [
        (2018, date(2018, 4, 1), date(2018, 4, 8)),
        (2019, date(2019, 4, 21), date(2019, 4, 28)),
        (2021, date(2021, 4, 4), date(2021, 5, 2)),
        (2024, date(2024, 3, 31), date(2024, 5, 5)),
        (2025, date(2025, 4, 20), date(2025, 4, 20)),
        (2027, date(2027, 3, 28), date(2027, 5, 2)),
    ],
)
def test_easter_sundays_from_the_package(year, western, orthodox):
    # The dates the project's own Easter algorithms gave before the package
    # replaced them; Easter Sunday is observed on the Monday after.
    rows = holidays_for_year(year)
    assert (western, "Catholic Easter", "movable") in rows
    assert (orthodox, "Orthodox Easter", "movable") in rows
    observed = {day for day, name, _kind in rows if name.endswith("(observed)")}
    assert western + timedelta(days=1) in observed


@pytest.mark.django_db
def test_seeded_table_matches_the_package_but_for_the_eid_decision():
    rows = Holiday.objects.values_list("date", "name")
    missing, extra = differences(rows, SEEDED_YEARS)
    # Only Eid al-Fitr 2027 differs: the table keeps the Government's date.
    assert [day for day, _name in missing] == [date(2027, 3, 9)]
    assert extra == [(EID_AL_FITR[2027], "Eid al-Fitr")]
    for year in SEEDED_YEARS:
        names = set(
            Holiday.objects.filter(date__year=year).values_list("name", flat=True)
        )
        assert {"Independence Day", "Eid al-Fitr", "Orthodox Easter"} <= names, year
    assert Holiday.objects.filter(date=date(2018, 4, 2)).exists()
    assert Holiday.objects.filter(date=date(2018, 6, 15), name="Eid al-Fitr").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "day",
    # Observed days the first seed missed (the examples).
    [date(2024, 1, 8), date(2024, 2, 19), date(2024, 6, 17), date(2026, 5, 11)],
)
def test_observed_days_are_in_the_table(day):
    assert day.weekday() == 0
    assert Holiday.objects.get(date=day).kind == Holiday.Kind.OBSERVED


def test_holidays_for_year_is_sorted_and_complete():
    rows = holidays_for_year(2020)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert (date(2020, 4, 13), "Catholic Easter (observed)", "observed") in rows
    assert (date(2020, 4, 20), "Orthodox Easter (observed)", "observed") in rows
    # Europe Day on a Saturday: off on Monday 11 May.
    assert (date(2020, 5, 11), "Europe Day (observed)", "observed") in rows


def test_an_eid_on_a_weekend_is_observed_on_the_next_free_weekday(monkeypatch):
    # Eid al-Fitr 2027 decided for Saturday 1 May: Monday 3 May is already the
    # observed Labour Day, so the Eid is observed on Wednesday 5 May (Tuesday 4
    # is Orthodox Easter's observed day).
    monkeypatch.setitem(EID_AL_FITR, 2027, date(2027, 5, 1))
    rows = holidays_for_year(2027)
    assert (date(2027, 5, 5), "Eid al-Fitr (observed)", "observed") in rows
    assert not [row for row in rows if row[1] == "Eid al-Fitr (estimated)"]


def test_package_rows_keep_both_names_of_a_shared_day():
    rows = package_rows(2023)
    assert (date(2023, 4, 9), "Catholic Easter") in rows
    assert (date(2023, 4, 9), "Constitution Day") in rows


# (received, expected deadline, what the case exercises)
DEADLINES = [
    ("2018-01-15", date(2018, 1, 24), "one weekend"),
    ("2018-01-13", date(2018, 1, 23), "received on a Saturday"),
    ("2018-01-05", date(2018, 1, 17), "Orthodox Christmas on Sunday, off Monday 8"),
    ("2018-01-12", date(2018, 1, 23), "received on a Friday"),
    ("2018-12-21", date(2019, 1, 4), "Christmas and both New Year days"),
    ("2021-02-15", date(2021, 2, 25), "Independence Day on a Wednesday"),
    # Orthodox Easter's Monday was Constitution Day: observed Tuesday 10 April.
    ("2018-03-29", date(2018, 4, 12), "both Easter Mondays and 10 April"),
    ("2018-04-27", date(2018, 5, 10), "Labour Day and Europe Day"),
    ("2018-06-13", date(2018, 6, 25), "Eid al-Fitr on a Friday"),
    # Observed days the first seed missed: each deadline was a day early.
    ("2024-01-05", date(2024, 1, 17), "Orthodox Christmas observed 8 Jan 2024"),
    ("2024-02-16", date(2024, 2, 28), "Independence Day observed 19 Feb 2024"),
    ("2024-06-14", date(2024, 6, 26), "Eid al-Adha observed 17 June 2024"),
    ("2026-05-08", date(2026, 5, 20), "Europe Day observed 11 May 2026"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("received", "expected", "case"), DEADLINES)
def test_deadline_counts_seven_working_days(make_request, received, expected, case):
    item = make_request(received=f"{received}T10:00")
    assert item.deadline == expected, case


@pytest.mark.django_db
def test_a_holiday_added_in_the_admin_moves_deadlines(make_request):
    Holiday.objects.create(date=date(2018, 1, 17), name="Day of mourning", kind="fixed")
    assert make_request(received="2018-01-15T10:00").deadline == date(2018, 1, 25)


def test_working_day_helpers_without_holidays():
    assert add_working_days(date(2018, 1, 19), 1, set()) == date(2018, 1, 22)
    assert working_days_between(date(2018, 1, 19), date(2018, 1, 22), set()) == 1
    assert working_days_between(date(2018, 1, 22), date(2018, 1, 19), set()) == -1
    assert working_days_between(date(2018, 1, 20), date(2018, 1, 21), set()) == 0


# (steps applied to a request received Mon 15 Jan 2018, expected deadline)
CLOCK_CASES = [
    ([], date(2018, 1, 24)),
    # Paused from Wed 17 to Mon 22: Thu, Fri, Mon do not count.
    (
        [
            (State.CLARIFICATION, "2018-01-17T09:00", {}),
            (State.IN_PROGRESS, "2018-01-22T09:00", {}),
        ],
        date(2018, 1, 29),
    ),
    # Paused over a weekend only: Fri 19 to Sat 20 costs nothing.
    (
        [
            (State.CLARIFICATION, "2018-01-19T09:00", {}),
            (State.IN_PROGRESS, "2018-01-20T09:00", {}),
        ],
        date(2018, 1, 24),
    ),
    (
        [(State.EXTENDED, "2018-01-22T09:00", {"extension_days": 15})],
        date(2018, 2, 14),
    ),
    (
        [
            (State.CLARIFICATION, "2018-01-17T09:00", {}),
            (State.IN_PROGRESS, "2018-01-22T09:00", {}),
            (State.EXTENDED, "2018-01-25T09:00", {"extension_days": 5}),
        ],
        date(2018, 2, 5),
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("steps", "expected"), CLOCK_CASES)
def test_clarification_pauses_and_extensions(make_request, steps, expected):
    item = make_request()
    for state, when, extra in steps:
        item.transition(
            state, when=aware(when), extension_reason="Archive search", **extra
        )
    item.refresh_from_db()
    assert item.deadline == expected


@pytest.mark.django_db
def test_a_paused_request_is_never_overdue(make_request):
    item = make_request()
    item.transition(State.CLARIFICATION, when=aware("2018-01-17T09:00"))
    assert item.days_left(date(2018, 3, 1)) is None
    assert not item.is_overdue(date(2018, 3, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("received", "expected"),
    [("2018-01-15T10:00", date(2018, 1, 17)), ("2018-01-19T23:30", date(2018, 1, 21))],
)
def test_urgent_requests_are_due_within_48_hours(make_request, received, expected):
    item = make_request(received=received, is_urgent=True, urgency_reason="Detention")
    assert item.deadline == expected


@pytest.mark.django_db
def test_days_left_counts_working_days(make_request):
    item = make_request()
    holidays = holiday_dates()
    assert item.days_left(date(2018, 1, 19), holidays) == 3
    assert item.days_left(date(2018, 1, 24), holidays) == 0
    assert item.days_left(date(2018, 1, 26), holidays) == -2
    assert item.is_overdue(date(2018, 1, 25))
    assert not item.is_overdue(date(2018, 1, 24))


@pytest.mark.django_db
def test_deadline_settings_are_honoured(make_request, settings):
    settings.ACCESS_REQUEST_ANSWER_WORKING_DAYS = 3
    assert make_request().deadline == date(2018, 1, 18)
