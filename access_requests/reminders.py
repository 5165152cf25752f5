from . import conf
from .emails import queue_officer_notice
from .models import CLOSED_STATES, AccessRequest, OutgoingEmail, State, holiday_dates


def send_reminders(today):
    """Queue one reminder when a request comes within the reminder window of its
    deadline and one overdue notice on the first day past it. Returns the
    numbers queued: (reminders, overdue notices)."""
    holidays = holiday_dates()
    window = conf.get("ACCESS_REQUEST_REMINDER_WORKING_DAYS")
    reminders = notices = 0
    open_requests = AccessRequest.objects.exclude(
        state__in=[*CLOSED_STATES, State.CLARIFICATION]
    ).select_related("assigned_to")
    for item in open_requests:
        days = item.days_left(today, holidays)
        overdue = today > item.deadline
        if overdue and item.overdue_notice_sent_on is None:
            field, kind = "overdue_notice_sent_on", OutgoingEmail.Kind.OVERDUE
        elif not overdue and days <= window and item.reminder_sent_on is None:
            field, kind = "reminder_sent_on", OutgoingEmail.Kind.REMINDER
        else:
            continue
        if queue_officer_notice(item, kind, days) is None:
            continue
        setattr(item, field, today)
        item.save(update_fields=[field])
        if kind == OutgoingEmail.Kind.OVERDUE:
            notices += 1
        else:
            reminders += 1
    return reminders, notices
