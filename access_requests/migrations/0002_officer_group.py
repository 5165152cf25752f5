"""The group "Access-request officers": work requests (view, add, change; never
delete, the law wants them kept), read the e-mail outbox, keep the holiday
calendar, and upload and choose the documents an answer releases. Nothing else,
so no officer needs to be a superuser."""

from django.db import migrations

GROUP = "Access-request officers"
MODEL_PERMISSIONS = {
    ("access_requests", "accessrequest"): ["view", "add", "change"],
    ("access_requests", "accessrequesttransition"): ["view"],
    ("access_requests", "outgoingemail"): ["view"],
    ("core", "holiday"): ["view", "add", "change", "delete"],
}
DOCUMENT_PERMISSIONS = ["add_document", "choose_document"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    # Permissions are normally created after all migrations (post_migrate);
    # creating them here with the same codename is what that step would do.
    found, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    )
    for (app_label, model), actions in MODEL_PERMISSIONS.items():
        for action in actions:
            group.permissions.add(
                permission(
                    apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
                )
            )
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for codename in DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=permission(apps, "wagtaildocs", "document", codename, codename),
        )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("access_requests", "0001_initial"),
        ("core", "0002_seed_holidays"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0066_collection_management_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
