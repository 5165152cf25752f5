from django.db import migrations

from access_requests.calendar import holidays_for_year


def seed(apps, schema_editor):
    Holiday = apps.get_model("access_requests", "Holiday")
    for year in range(2018, 2028):
        for day, name, kind in holidays_for_year(year):
            Holiday.objects.get_or_create(date=day, name=name, defaults={"kind": kind})


def unseed(apps, schema_editor):
    apps.get_model("access_requests", "Holiday").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("access_requests", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
