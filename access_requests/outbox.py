"""The e-mail outbox of access requests."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """E-mails are queued with the change that causes them and sent afterwards,
    so a mail server failure never loses a request; failures stay visible."""

    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("Receipt")
        ANSWER = "answer", _("Answer")
        REMINDER = "reminder", _("Reminder")
        OVERDUE = "overdue", _("Overdue notice")

    request = models.ForeignKey(
        "access_requests.AccessRequest",
        on_delete=models.CASCADE,
        related_name="emails",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    to = models.CharField(_("to"), max_length=1000)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return f"{self.get_kind_display()} {self.request}"
