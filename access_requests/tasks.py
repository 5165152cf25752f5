"""Background work of access requests, run by `manage.py db_worker`.

The outbox row is written in the citizen's (or officer's) transaction, so an
e-mail survives a mail server or worker that is down; the task only sends it,
and tries again later while the mail server refuses."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .emails import MAX_ATTEMPTS, deliver
from .outbox import OutgoingEmail

# Seconds before the n-th retry of an e-mail: 30 s, 1 min, 2 min, … capped at an
# hour, so ten attempts span about six hours of mail server trouble.
RETRY_DEFAULTS = (30.0, 3600.0)


def retry_delay(attempts):
    first, most = getattr(settings, "ACCESS_REQUEST_EMAIL_RETRY", RETRY_DEFAULTS)
    return min(first * 2 ** max(attempts - 1, 0), most)


@task()
def send_email(email_id):
    """Send one queued e-mail; on failure enqueue the next try after a delay."""
    if deliver(email_id):
        return "sent"
    email = OutgoingEmail.objects.filter(pk=email_id, sent_at__isnull=True).first()
    if email is None:
        return "already sent"
    if email.attempts >= MAX_ATTEMPTS:
        # Stays in the outbox with its error for the officers to see.
        return "gave up"
    if not send_email.get_backend().supports_defer:
        # The immediate backend (tests) cannot wait: the row stays unsent.
        return "unsent"
    delay = retry_delay(email.attempts)
    send_email.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        email_id
    )
    return f"retry in {delay:g} s"


# The daily reminder run: at this local hour, before the office opens.
REMINDER_HOUR = 7


def next_reminder_run(now=None):
    local = timezone.localtime(now)
    run = local.replace(hour=REMINDER_HOUR, minute=0, second=0, microsecond=0)
    return run if run > local else run + timedelta(days=1)


def reminder_runs_waiting():
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(daily_reminders.get_backend(), DatabaseBackend):
        return None
    return DBTaskResult.objects.filter(
        status="READY", task_path=daily_reminders.module_path
    )


def schedule_reminders(run_after=None):
    """Enqueue the next daily run unless one is already waiting (idempotent:
    `send_access_request_reminders --schedule` may run on every deploy)."""
    waiting = reminder_runs_waiting()
    if waiting is None or waiting.exists():
        return None
    return daily_reminders.using(run_after=run_after or next_reminder_run()).enqueue()


@task()
def daily_reminders():
    """Queue today's reminders and overdue notices, then schedule tomorrow's run.

    Idempotent: a request records the day its reminder and its overdue notice
    were queued, so a second run on the same day queues nothing."""
    from .reminders import send_reminders

    try:
        reminders, notices = send_reminders(timezone.localdate())
    finally:
        # Tomorrow's run is scheduled even if today's failed half-way.
        schedule_reminders()
    return {"reminders": reminders, "overdue_notices": notices}
