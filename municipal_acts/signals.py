"""Keep the status of amended and repealed acts in step with the acts that
amend or repeal them, the moment those are published; put new acts and
decisions indexes under the review workflow."""

from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage
from wagtail.signals import page_published

from .models import ActIndexPage, ActStatus, DecisionIndexPage, MunicipalActPage
from .workflows import assign_review_workflow

# A stronger status is never replaced by a weaker one: a repealed act that a
# later act also amends stays repealed.
STRENGTH = {
    ActStatus.CONSULTATION: 0,
    ActStatus.IN_FORCE: 0,
    ActStatus.AMENDED: 1,
    ActStatus.REPEALED: 2,
}


def set_status(act, status):
    """Change the status on the live row and in the revisions editors work on,
    so that the next publication of the target does not bring the old one back."""
    if STRENGTH[ActStatus(act.status)] >= STRENGTH[status]:
        return False
    MunicipalActPage.objects.filter(pk=act.pk).update(status=status)
    revisions = {act.latest_revision_id, act.live_revision_id} - {None}
    for revision in act.revisions.filter(pk__in=revisions):
        revision.content["status"] = str(status)
        revision.save(update_fields=["content"])
    queue_for_search([act.pk])
    return True


def queue_for_search(page_ids):
    """`.update()` sends no signal and makes no revision: tell the search index
    itself, in this transaction, that the act's document changed."""
    if apps.is_installed("search"):
        from search.sync import queue_pages

        queue_pages(page_ids)


@receiver(page_published, sender=MunicipalActPage)
def update_targets_status(sender, instance, **kwargs):
    for target in instance.repeals.all():
        set_status(target, ActStatus.REPEALED)
    for target in instance.amends.all():
        set_status(target, ActStatus.AMENDED)


@receiver(post_save, sender=ActIndexPage)
@receiver(post_save, sender=DecisionIndexPage)
def review_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review_workflow(instance, Workflow, WorkflowPage)
