from django.conf import settings
from django.db import migrations

GROUP_PREFIX = "Translators ("


def allow_submitting(apps, schema_editor):
    # The queue's "Translate" button starts a translation (wagtail-localize's
    # submit view); since translations are created as drafts, starting one
    # publishes nothing.
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        group, _created = Group.objects.get_or_create(name=f"{GROUP_PREFIX}{code})")
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("localization", "0001_translator_groups"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(allow_submitting, migrations.RunPython.noop)]
