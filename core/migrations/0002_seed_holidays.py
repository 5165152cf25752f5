"""Seed the official holidays 2018-2027: the `holidays` package's Kosovo
calendar, observed days included, with the Government's Eid dates
(core.holidays). Officers correct a year in the admin afterwards."""

from django.db import migrations

from core.holidays import SEEDED_YEARS, holidays_for_year


def seed(apps, schema_editor):
    Holiday = apps.get_model("core", "Holiday")
    for year in SEEDED_YEARS:
        for day, name, kind in holidays_for_year(year):
            Holiday.objects.get_or_create(date=day, name=name, defaults={"kind": kind})


def unseed(apps, schema_editor):
    apps.get_model("core", "Holiday").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
