"""Open requests follow the holiday calendar.

A deadline is stored when a request is filed. When an officer adds, moves or
deletes a holiday, every open request is recomputed; a request whose deadline
moves is saved with the reason, so its history shows why."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .models import CLOSED_STATES, AccessRequest, Holiday


def recompute_open_deadlines(reason):
    """Recompute every open request's deadline; returns the requests that moved."""
    moved = []
    with transaction.atomic():
        open_requests = AccessRequest.objects.exclude(state__in=CLOSED_STATES)
        for item in open_requests.select_for_update():
            deadline = item.compute_deadline()
            if deadline == item.deadline:
                continue
            item._change_reason = reason
            item.save()
            moved.append(item)
    return moved


@receiver(pre_save, sender=Holiday)
def _remember_old_date(sender, instance, raw=False, **kwargs):
    instance._previous = None
    if instance.pk and not raw:
        instance._previous = (
            Holiday.objects.filter(pk=instance.pk).values_list("date", "name").first()
        )


@receiver(post_save, sender=Holiday)
def _holiday_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_previous", None)
    if created or previous is None:
        reason = _("Holiday added: %(holiday)s") % {"holiday": instance}
    elif previous[0] == instance.date:
        return  # a renamed holiday moves no deadline
    else:
        reason = _("Holiday moved from %(old)s: %(holiday)s") % {
            "old": previous[0].strftime("%d.%m.%Y"),
            "holiday": instance,
        }
    recompute_open_deadlines(reason)


@receiver(post_delete, sender=Holiday)
def _holiday_deleted(sender, instance, **kwargs):
    reason = _("Holiday removed: %(holiday)s") % {"holiday": instance}
    recompute_open_deadlines(reason)
