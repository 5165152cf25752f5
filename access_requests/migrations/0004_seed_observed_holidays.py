"""Add the holidays the first seed missed (observed days: a holiday on a weekend
moves to the next working day, e.g. 8 January and 19 February 2024) from the
`holidays` package, and move the deadlines of open requests accordingly, each
move recorded in the request's history."""

from django.db import migrations
from django.utils import timezone

from access_requests.calendar import SEEDED_YEARS, holidays_for_year, legal_deadline

CLOSED = ["granted", "partially_granted", "refused", "transferred", "withdrawn"]
REASON = "Observed holidays added to the calendar (holidays package)"


def add_missing(apps, schema_editor):
    Holiday = apps.get_model("access_requests", "Holiday")
    known = set(Holiday.objects.values_list("date", flat=True))
    for year in SEEDED_YEARS:
        for day, name, kind in holidays_for_year(year):
            if day not in known:
                Holiday.objects.get_or_create(
                    date=day, name=name, defaults={"kind": kind}
                )
    holidays = set(Holiday.objects.values_list("date", flat=True))
    if holidays == known:
        return
    AccessRequest = apps.get_model("access_requests", "AccessRequest")
    Historical = apps.get_model("access_requests", "HistoricalAccessRequest")
    fields = [field.attname for field in AccessRequest._meta.concrete_fields]
    now = timezone.now()
    for item in AccessRequest.objects.exclude(state__in=CLOSED):
        deadline = legal_deadline(
            item.received_at,
            is_urgent=item.is_urgent,
            extra_days=item.extension_days + item.paused_working_days,
            holidays=holidays,
        )
        if deadline == item.deadline:
            continue
        item.deadline = deadline
        item.save(update_fields=["deadline"])
        Historical.objects.create(
            **{name: getattr(item, name) for name in fields},
            history_date=now,
            history_type="~",
            history_change_reason=REASON,
        )


class Migration(migrations.Migration):
    dependencies = [("access_requests", "0003_holiday_kind_observed")]

    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
