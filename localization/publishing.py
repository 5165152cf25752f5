"""How a finished workflow publishes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Kept free of model imports at module level: Wagtail imports this while it
loads its models.
"""


def publish_approved(workflow_state, user=None):
    """Publish the latest revision once every task approved it.

    The approval is the permission: in a four-eyes section the reviewers hold
    no `publish` of their own (municipal_acts.workflows), and the task has
    already refused anyone who wrote a revision since the submission. Wagtail's
    default action checks `publish` for the approving user, which would make
    such a review impossible to finish. The revision is read from the database,
    not from the workflow state's cached object, which may predate edits made
    during the review.
    """
    from wagtail.models import Revision

    revision = (
        Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    revision.publish(user=user, skip_permission_checks=True)
