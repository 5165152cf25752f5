from django.db import migrations

from municipal_acts.workflows import (
    REVIEW_TASK,
    REVIEW_WORKFLOW,
    REVIEWED_INDEX_MODELS,
    REVIEWERS_GROUP,
    assign_review_workflow,
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


class Migration(migrations.Migration):
    dependencies = [
        ("municipal_acts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
