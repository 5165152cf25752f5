from datetime import date

import pytest

from access_requests.calendar import (
    add_working_days,
    holidays_for_year,
    orthodox_easter,
    western_easter,
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
def test_easter_algorithms(year, western, orthodox):
    assert western_easter(year) == western
    assert orthodox_easter(year) == orthodox


@pytest.mark.django_db
def test_seeded_holidays_cover_2018_to_2027():
    for year in range(2018, 2028):
        names = set(
            Holiday.objects.filter(date__year=year).values_list("name", flat=True)
        )
        assert len(names) == 12, year
        assert {"Independence Day", "Eid al-Fitr", "Orthodox Easter Monday"} <= names
    assert Holiday.objects.filter(date=date(2018, 4, 2)).exists()
    assert Holiday.objects.filter(date=date(2018, 6, 15), name="Eid al-Fitr").exists()


def test_holidays_for_year_is_sorted_and_complete():
    rows = holidays_for_year(2020)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert (date(2020, 4, 13), "Catholic Easter Monday", "movable") in rows
    assert (date(2020, 4, 20), "Orthodox Easter Monday", "movable") in rows


# (received, expected deadline, what the case exercises)
DEADLINES = [
    ("2018-01-15", date(2018, 1, 24), "one weekend"),
    ("2018-01-13", date(2018, 1, 23), "received on a Saturday"),
    ("2018-01-05", date(2018, 1, 16), "received on a Friday"),
    ("2018-12-21", date(2019, 1, 4), "Christmas and both New Year days"),
    ("2021-02-15", date(2021, 2, 25), "Independence Day on a Wednesday"),
    ("2018-03-29", date(2018, 4, 11), "both Easter Mondays (Orthodox on 9 April)"),
    ("2018-04-27", date(2018, 5, 10), "Labour Day and Europe Day"),
    ("2018-06-13", date(2018, 6, 25), "Eid al-Fitr on a Friday"),
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
