"""The review workflow of acts and decisions: an editor drafts, a moderator
approves, then it is published (Wagtail moderation)."""

REVIEW_WORKFLOW = "Review of acts and decisions"
REVIEW_TASK = "Approval by a moderator"
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
