"""The review workflow: acts and decisions are published only after a second
person approves (the four-eyes task, municipal_acts.workflows), and editors
lose the `publish` permission on the reviewed sections.

Two steps kept as they ran when the project grew (a plain group approval
first, then swapped for the four-eyes task in the same position), so a site
gets exactly the rows it always got."""

from django.db import migrations

from municipal_acts.workflows import (
    FOUR_EYES_TASK,
    REVIEW_TASK,
    REVIEW_WORKFLOW,
    REVIEWED_INDEX_MODELS,
    REVIEWERS_GROUP,
    assign_review_workflow,
    sync_publish_permissions,
)

def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK, content_type=task_type, active=True
        )
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    # Sites that already have the index pages get the workflow now; new index
    # pages get it when they are created (municipal_acts.signals).
    for model_name in REVIEWED_INDEX_MODELS:
        for page in apps.get_model("municipal_acts", model_name).objects.all():
            assign_review_workflow(page, Workflow, WorkflowPage)


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(
        name=REVIEW_WORKFLOW
    ).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=REVIEW_TASK).delete()


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
        ("municipal_acts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # The swap is not reversed: giving the editors `publish` on the acts again
    # would undo the review, so going back leaves the permissions as they are.
    operations = [
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(use_four_eyes_task, migrations.RunPython.noop),
    ]
