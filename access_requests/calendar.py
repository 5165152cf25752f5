"""Kosovo's official holidays for the `Holiday` table, and the check against the
maintained `holidays` package.

The working-day arithmetic lives in `core.calendar` (re-exported here for older
callers). This module only says which days the table should hold: the package's
Kosovo (`XK`) calendar, observed days included, except the Eid dates, which
follow the Government's yearly decision and are kept as data below.
"""

from datetime import date, timedelta

import holidays as holidays_package

from core.calendar import (  # noqa: F401  (one calendar for every domain)
    add_working_days,
    is_working_day,
    working_days_between,
)

COUNTRY = "XK"
SEEDED_YEARS = range(2018, 2028)

# The first day of each feast as the Government decided or, for future years,
# as the standard (Umm al-Qura based) tables give it. Officers correct a year in
# the admin when the decision differs; `manage.py check_holidays` shows where
# the package's estimate disagrees.
EID_AL_FITR = {
    2018: date(2018, 6, 15),
    2019: date(2019, 6, 4),
    2020: date(2020, 5, 24),
    2021: date(2021, 5, 13),
    2022: date(2022, 5, 2),
    2023: date(2023, 4, 21),
    2024: date(2024, 4, 10),
    2025: date(2025, 3, 30),
    2026: date(2026, 3, 20),
    2027: date(2027, 3, 10),
}
EID_AL_ADHA = {
    2018: date(2018, 8, 21),
    2019: date(2019, 8, 11),
    2020: date(2020, 7, 31),
    2021: date(2021, 7, 20),
    2022: date(2022, 7, 9),
    2023: date(2023, 6, 28),
    2024: date(2024, 6, 16),
    2025: date(2025, 6, 6),
    2026: date(2026, 5, 27),
    2027: date(2027, 5, 16),
}
EID = {"Eid al-Fitr": EID_AL_FITR, "Eid al-Adha": EID_AL_ADHA}
MOVABLE = ("Easter", "Eid")


def package_calendar(year):
    return holidays_package.country_holidays(COUNTRY, years=year, language="en_US")


def package_rows(year):
    """(date, name) for every holiday of `year` in the package, one row per name
    (Constitution Day and Catholic Easter shared 9 April 2023)."""
    calendar = package_calendar(year)
    return sorted((day, name) for day in calendar for name in calendar.get_list(day))


def kind_of(name):
    if "(observed" in name:
        return "observed"
    return "movable" if any(word in name for word in MOVABLE) else "fixed"


def _next_free_weekday(day, taken):
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


def holidays_for_year(year):
    """(date, English name, kind) for every official holiday of `year`: the
    package's calendar with the Eid dates of the table above. An Eid on a weekend
    is observed on the next free weekday, the rule the package applies (Law No.
    03/L-064)."""
    rows = [
        (day, name, kind_of(name))
        for day, name in package_rows(year)
        if not (year in EID_AL_FITR and name.startswith("Eid"))
    ]
    for name, table in EID.items():
        if year not in table:
            continue
        day = table[year]
        rows.append((day, name, "movable"))
        if day.weekday() >= 5:
            taken = {row[0] for row in rows}
            observed = _next_free_weekday(day, taken)
            rows.append((observed, f"{name} (observed)", "observed"))
    return sorted(rows)


def differences(table_rows, years):
    """Compare the table with the package, by date.

    Args:
        table_rows: (date, name) pairs from the `Holiday` table.
        years: the years to compare.

    Returns:
        (missing, extra): (date, name) in the package but not in the table, and
        in the table but not in the package, each sorted.
    """
    years = set(years)
    table = {}
    for day, name in table_rows:
        if day.year in years:
            table.setdefault(day, name)
    package = {}
    for year in years:
        for day, name in package_rows(year):
            package.setdefault(day, name)
    missing = sorted((day, name) for day, name in package.items() if day not in table)
    extra = sorted((day, name) for day, name in table.items() if day not in package)
    return missing, extra


def legal_deadline(received_at, *, is_urgent, extra_days, holidays=None):
    """The answer's due date for a request received at the aware datetime
    `received_at` (extra_days: extension plus days the clock was stopped).

    Kept apart from the model so data migrations can recompute deadlines."""
    from django.utils import timezone

    from . import conf

    if is_urgent:
        hours = conf.get("ACCESS_REQUEST_URGENT_HOURS")
        start = timezone.localtime(received_at + timedelta(hours=hours)).date()
        return add_working_days(start, extra_days, holidays)
    base = conf.get("ACCESS_REQUEST_ANSWER_WORKING_DAYS")
    received_on = timezone.localtime(received_at).date()
    return add_working_days(received_on, base + extra_days, holidays)
