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
