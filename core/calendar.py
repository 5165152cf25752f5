"""The project's one working-day calendar: every domain counts days through here.

Holidays come from core's editable `Holiday` table (`core.holidays`: the
`holidays` package's calendar for `settings.TRANSPARENCA_HOLIDAY_COUNTRY`,
default Kosovo `XK`, with the Eid dates the Government decides each year; a
year without rows falls back to the package). A site may name another
provider in `settings.TRANSPARENCA_HOLIDAY_PROVIDER`, a dotted path to a
function `(start, end) -> iterable of dates` (e.g.
`core.calendar.package_holidays` for the package alone).

Functions that take `holidays` use that set as given (pure, for tests and loops
that already hold the set); without it they ask the provider.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.module_loading import import_string

from .holidays import holidays_between as table_holidays
from .holidays import package_holidays  # noqa: F401  (a ready-made provider)


def holidays_between(start, end):
    provider = getattr(settings, "TRANSPARENCA_HOLIDAY_PROVIDER", None)
    if provider:
        return set(import_string(provider)(start, end))
    return table_holidays(start, end)


def is_working_day(day, holidays):
    return day.weekday() < 5 and day not in holidays


def working_days(start, end, holidays=None):
    """Working days from `start` to `end`, both included.

    Returns:
        A list of dates, Monday–Friday, without holidays.
    """
    holidays = holidays_between(start, end) if holidays is None else holidays
    days = []
    day = start
    while day <= end:
        if is_working_day(day, holidays):
            days.append(day)
        day += timedelta(days=1)
    return days


def add_working_days(start, days, holidays=None):
    """The date `days` working days after `start` (the start day never counts)."""
    if holidays is not None:
        return _add(start, days, lambda _day: holidays)
    # Holidays are fetched for a window and widened only when a count runs past
    # it: deadlines are weeks, so one provider call nearly always does.
    horizon = start + timedelta(days=max(days * 3, 14) + 30)
    known = holidays_between(start, horizon)

    def holidays_up_to(day):
        nonlocal horizon
        if day > horizon:
            known.update(holidays_between(day, day + timedelta(days=365)))
            horizon = day + timedelta(days=365)
        return known

    return _add(start, days, holidays_up_to)


def _add(start, days, holidays_up_to):
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, holidays_up_to(current)):
            remaining -= 1
    return current


def working_days_between(start, end, holidays=None):
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start, holidays)
    if end == start:
        return 0
    return len(working_days(start + timedelta(days=1), end, holidays))
