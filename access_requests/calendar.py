"""The access-request deadline: seven working days (urgent: 48 hours), counted
on the one calendar in `core.calendar` over the holidays table in `core.holidays`
(both re-exported here for older callers)."""

from datetime import timedelta

from core.calendar import (  # noqa: F401  (one calendar for every domain)
    add_working_days,
    is_working_day,
    working_days_between,
)
from core.holidays import (  # noqa: F401
    EID,
    EID_AL_ADHA,
    EID_AL_FITR,
    SEEDED_YEARS,
    differences,
    holidays_for_year,
    kind_of,
    package_rows,
)


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
