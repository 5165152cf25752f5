"""Filing a request: store it first, then everything that can fail."""

from django.db import transaction

from .emails import queue_receipt
from .models import AccessRequest


def file_request(data, language):
    """Create the request from validated form data and queue its receipt.

    The request and its queued receipt commit together in their own transaction;
    the worker sends the e-mail after the commit, and a failure there is
    recorded on the queued e-mail instead of reaching the citizen. The first
    request also starts the worker's daily reminder run (it reschedules itself,
    so later filings find it waiting and enqueue nothing)."""
    from .tasks import schedule_reminders

    with transaction.atomic():
        access_request = AccessRequest(language=language, **data)
        access_request.save()
        if access_request.email:
            queue_receipt(access_request)
        transaction.on_commit(schedule_reminders, robust=True)
    return access_request
