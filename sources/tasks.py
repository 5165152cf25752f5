"""Background work of the sources app, run by `manage.py db_worker`."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import sync
from .models import Source


@task()
def pull_item(source_id, external_id):
    """After a webhook: fetch that one item (or remove it)."""
    source = Source.objects.filter(pk=source_id, enabled=True).first()
    if source is None:
        return "no source"
    return sync.pull_item(source, external_id)


@task()
def reconcile_source(source_id, reschedule=True):
    """Reconcile a source; with `reschedule`, run again after the source's
    interval, so the schedule needs no cron (only the worker)."""
    source = Source.objects.filter(pk=source_id, enabled=True).first()
    if source is None:
        return {"error": "no such enabled source"}
    try:
        return sync.reconcile(source)
    finally:
        if reschedule:
            schedule(source)


def schedule(source):
    """Enqueue the next scheduled reconcile (where the backend can defer)."""
    backend = reconcile_source.get_backend()
    if not backend.supports_defer or not source.reconcile_interval:
        return None
    run_after = timezone.now() + timedelta(seconds=source.reconcile_interval)
    return reconcile_source.using(run_after=run_after).enqueue(source.pk)
