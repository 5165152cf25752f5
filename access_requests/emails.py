"""Queue e-mails with the change that causes them; the worker sends them.

Only the outbox model is imported: `models.py` imports this module to queue the
answer, so importing `models` here would make a loop."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.municipality import municipality

from . import conf
from .outbox import OutgoingEmail

logger = logging.getLogger("transparenca.access_requests")


def status_url(access_request):
    with translation.override(access_request.language):
        path = reverse("access_requests:status", args=[access_request.tracking_code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _queue(access_request, kind, to, template, extra=None, language=None):
    with translation.override(language or access_request.language):
        context = {
            "request_obj": access_request,
            "status_url": status_url(access_request),
            # The default site's: a request is filed with the office, not a page.
            "municipality": municipality().name,
            **(extra or {}),
        }
        subject = render_to_string(
            f"access_requests/emails/{template}_subject.txt", context
        ).strip()
        body = render_to_string(f"access_requests/emails/{template}.txt", context)
    email = OutgoingEmail.objects.create(
        request=access_request, kind=kind, to=to, subject=subject[:300], body=body
    )
    # Sending waits for the commit: the e-mail must never exist without its
    # request, and the worker must find the row. robust: the request is stored
    # by then, so a queue that cannot be written must not answer 500 (the row
    # stays unsent and `send_pending_access_emails` picks it up).
    transaction.on_commit(lambda: enqueue_delivery(email.pk), robust=True)
    return email


def enqueue_delivery(email_id):
    from .tasks import send_email

    return send_email.enqueue(email_id)


def queue_receipt(access_request):
    return _queue(
        access_request,
        OutgoingEmail.Kind.RECEIPT,
        access_request.email,
        "receipt",
    )


def queue_answer(access_request):
    return _queue(
        access_request, OutgoingEmail.Kind.ANSWER, access_request.email, "answer"
    )


def officer_addresses(access_request):
    if access_request.assigned_to and access_request.assigned_to.email:
        return [access_request.assigned_to.email]
    return list(conf.get("ACCESS_REQUEST_OFFICER_EMAILS"))


def queue_officer_notice(access_request, kind, days_left):
    to = officer_addresses(access_request)
    if not to:
        return None
    template = "reminder" if kind == OutgoingEmail.Kind.REMINDER else "overdue"
    # Officers read the office's language, not the requester's.
    return _queue(
        access_request,
        kind,
        ", ".join(to),
        template,
        {"days_left": days_left},
        language=settings.LANGUAGE_CODE,
    )


def deliver(email_id):
    email = OutgoingEmail.objects.filter(pk=email_id, sent_at__isnull=True).first()
    if email is None:
        return False
    email.attempts += 1
    try:
        send_mail(
            email.subject,
            email.body,
            None,
            [address.strip() for address in email.to.split(",") if address.strip()],
        )
    except Exception as exc:  # noqa: BLE001 - any backend failure is retried later
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        email.save(update_fields=["attempts", "last_error"])
        logger.warning("access request e-mail %s failed: %s", email.pk, exc)
        return False
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "last_error", "sent_at"])
    return True


MAX_ATTEMPTS = 10


def deliver_pending(max_attempts=MAX_ATTEMPTS):
    pending = OutgoingEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=max_attempts
    ).values_list("pk", flat=True)
    return sum(deliver(pk) for pk in list(pending))
