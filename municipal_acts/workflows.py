"""The review of acts and decisions: an editor drafts and submits, a moderator
who is not the author approves, and only that approval publishes (four eyes).

Nobody but a superuser holds Wagtail's `publish` permission on a section under
this review, so "Publish" is not offered there; the task below refuses approval
by the person who submitted or wrote the revision under review.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

REVIEW_WORKFLOW = "Review of acts and decisions"
# The task of migration 0002 (a plain GroupApprovalTask), replaced in 0003.
REVIEW_TASK = "Approval by a moderator"
FOUR_EYES_TASK = "Approval by a moderator who is not the author"
REVIEWERS_GROUP = "Moderators"
REVIEWED_INDEX_MODELS = ("actindexpage", "decisionindexpage")


def assign_review_workflow(page, workflow_model, workflow_page_model):
    """Put `page` (an acts or decisions index) under the review workflow, unless
    an editor has already given it another one."""
    workflow = workflow_model.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is None:
        return None
    link, _created = workflow_page_model.objects.get_or_create(
        page_id=page.pk, defaults={"workflow": workflow}
    )
    return link.workflow


def authors_of(task_state):
    """Ids of who may not approve this task state: the submitter of the
    workflow and everyone who saved a revision of the text since it was
    submitted (a reviewer who edits becomes an author; approval publishes the
    latest revision)."""
    from wagtail.models import Revision

    workflow_state = task_state.workflow_state
    ids = {workflow_state.requested_by_id, task_state.revision.user_id}
    ids.update(
        Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
            created_at__gte=workflow_state.created_at,
        ).values_list("user_id", flat=True)
    )
    return ids - {None}


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """A group approval that its own author cannot give."""

    def _current_task_state(self, obj):
        state = getattr(obj, "current_workflow_task_state", None)
        if state is None or state.task_id != self.pk:
            return None
        return state

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        state = self._current_task_state(obj)
        if state is not None and user.pk in authors_of(state):
            # The author may still withdraw it ("Cancel workflow"), never approve
            # or reject their own submission.
            return []
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in authors_of(task_state):
            raise PermissionDenied(_("The author of a text cannot approve it."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(
            Q(workflow_state__requested_by=user) | Q(revision__user=user)
        )

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, except whoever submitted or "
            "wrote the version under review"
        )

    class Meta:
        verbose_name = _("four-eyes approval task")
        verbose_name_plural = _("four-eyes approval tasks")


def reviewed_section_paths(workflow_page_model, task_model):
    """Tree paths of the pages whose workflow contains a four-eyes task."""
    workflows = task_model.objects.values("workflow_tasks__workflow")
    return list(
        workflow_page_model.objects.filter(
            workflow__in=workflows, workflow__active=True
        ).values_list("page__path", flat=True)
    )


def sync_publish_permissions(models=None, reviewed=None):
    """Give the direct-publishing groups (settings.DIRECT_PUBLISH_GROUPS)
    `publish` on every section (depth 3) that is not under four-eyes review,
    and take it away on any page that contains such a section: Wagtail's page
    permissions are inherited by the whole subtree, so a `publish` on the root
    or a language's home would reach the acts.

    Args:
        models: (Group, Page, Permission, GroupPagePermission), for a data
            migration's historical models; the real ones by default.
        reviewed: paths of the reviewed sections; by default the pages whose
            workflow has a FourEyesApprovalTask.
    Returns:
        (granted, revoked) counts.
    """
    if models is None:
        from django.contrib.auth.models import Group, Permission
        from wagtail.models import GroupPagePermission, Page, WorkflowPage

        models = (Group, Page, Permission, GroupPagePermission)
        reviewed = reviewed_section_paths(WorkflowPage, FourEyesApprovalTask)
    group_model, page_model, permission_model, grant_model = models
    publish = permission_model.objects.get(
        content_type__app_label="wagtailcore", codename="publish_page"
    )
    groups = list(
        group_model.objects.filter(
            name__in=getattr(settings, "DIRECT_PUBLISH_GROUPS", [])
        )
    )

    def contains_reviewed(path):
        return any(other.startswith(path) for other in reviewed)

    revoked = 0
    for grant in grant_model.objects.filter(
        group__in=groups, permission=publish
    ).select_related("page"):
        # The root and the homes hold the acts of a language even before its
        # acts index exists (e.g. Wagtail's default grant to Moderators).
        if grant.page.depth <= 2 or contains_reviewed(grant.page.path):
            grant.delete()
            revoked += 1
    granted = 0
    for section in page_model.objects.filter(depth=3):
        if contains_reviewed(section.path):
            continue
        for group in groups:
            _grant, created = grant_model.objects.get_or_create(
                group=group, page=section, permission=publish
            )
            granted += int(created)
    return granted, revoked
