"""The holidays table moved to `core.holidays` (the calendar sits below every
domain); the names stay importable from here for the access-request code."""

from core.holidays import Holiday, holiday_dates, holidays_between  # noqa: F401
