"""Working days, with holidays from a pluggable provider.

`settings.TRANSPARENCA_HOLIDAY_PROVIDER` names a function `(start, end) -> set of
dates`; without one, every Monday–Friday is a working day.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.module_loading import import_string


def holidays_between(start, end):
    provider = getattr(settings, "TRANSPARENCA_HOLIDAY_PROVIDER", None)
    if not provider:
        return set()
    return set(import_string(provider)(start, end))


def working_days(start, end):
    """Working days from `start` to `end`, both included.

    Returns:
        A list of dates, Monday–Friday, without holidays.
    """
    holidays = holidays_between(start, end)
    days = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in holidays:
            days.append(day)
        day += timedelta(days=1)
    return days


def add_working_days(start, days):
    """The date `days` working days after `start` (holidays excluded)."""
    # Holidays are looked up a year at a time: deadlines are weeks, not years.
    horizon = start + timedelta(days=max(days * 3, 14) + 30)
    holidays = holidays_between(start, horizon)
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current > horizon:
            horizon = current + timedelta(days=365)
            holidays |= holidays_between(current, horizon)
        if current.weekday() < 5 and current not in holidays:
            remaining -= 1
    return current
