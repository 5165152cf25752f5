"""Working-day arithmetic for translation due dates.

The calendar is looked up through the LOCALIZATION_CALENDAR setting (a dotted
path), so public holidays can be added later without touching the queue.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.module_loading import import_string


def add_working_days(start, days):
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def due_date(start):
    calendar = import_string(
        getattr(
            settings, "LOCALIZATION_CALENDAR", "localization.calendar.add_working_days"
        )
    )
    return calendar(start, getattr(settings, "LOCALIZATION_DUE_WORKING_DAYS", 5))
