from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """A page whose search document must be brought in step with the database.

    Written in the publishing transaction, so an update survives an unreachable
    Elasticsearch node; deleted once the node has accepted it. The sync reads the
    page's current state, so one row per page is enough whatever happened to it.
    """

    page_id = models.PositiveIntegerField(_("page id"), unique=True)
    created_at = models.DateTimeField(_("queued at"), auto_now=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        ordering = ["created_at"]

    def __str__(self):
        return f"page {self.page_id}"
