"""Due dates for translations, counted in working days.

The calendar is looked up through the LOCALIZATION_CALENDAR setting (a dotted
path to a `(start, days) -> date` function); the default is the project's working
day calendar, which knows public holidays when a provider is configured.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def due_date(start):
    calendar = import_string(
        getattr(settings, "LOCALIZATION_CALENDAR", "core.calendar.add_working_days")
    )
    return calendar(start, getattr(settings, "LOCALIZATION_DUE_WORKING_DAYS", 5))
