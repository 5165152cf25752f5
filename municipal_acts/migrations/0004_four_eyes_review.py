from django.db import migrations

from municipal_acts.workflows import (
    FOUR_EYES_TASK,
    REVIEW_TASK,
    REVIEW_WORKFLOW,
    REVIEWERS_GROUP,
    sync_publish_permissions,
)


def use_four_eyes_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    FourEyesApprovalTask = apps.get_model("municipal_acts", "FourEyesApprovalTask")

    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW).first()
    if workflow is None:
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="municipal_acts", model="foureyesapprovaltask"
    )
    task = FourEyesApprovalTask.objects.filter(name=FOUR_EYES_TASK).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(
            name=FOUR_EYES_TASK, content_type=task_type, active=True
        )
    task.groups.add(Group.objects.get_or_create(name=REVIEWERS_GROUP)[0])
    # Swap the plain approval for the four-eyes one in the same position.
    old = Task.objects.filter(name=REVIEW_TASK).first()
    link = WorkflowTask.objects.filter(workflow=workflow, task=old).first()
    if link is not None:
        link.task = task
        link.save()
    else:
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
    if old is not None:
        old.active = False
        old.save()
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(
            app_label="wagtailcore", model="page"
        )[0],
        codename="publish_page",
        defaults={"name": "Can publish any page"},
    )
    reviewed = list(
        WorkflowPage.objects.filter(workflow=workflow).values_list(
            "page__path", flat=True
        )
    )
    sync_publish_permissions(
        (Group, Page, Permission, GroupPagePermission), reviewed=reviewed
    )


class Migration(migrations.Migration):
    dependencies = [
        ("municipal_acts", "0003_four_eyes_approval_task"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Not reversed: giving the editors `publish` on the acts again would undo
    # the review, so going back leaves the permissions as they are.
    operations = [migrations.RunPython(use_four_eyes_task, migrations.RunPython.noop)]
