"""The official holidays table: the access-request calendar's provider."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.calendar import package_holidays


class Holiday(models.Model):
    class Kind(models.TextChoices):
        FIXED = "fixed", _("fixed date")
        MOVABLE = "movable", _("movable")
        OBSERVED = "observed", _("observed (moved from a weekend)")

    date = models.DateField(_("date"), db_index=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["date"]
        verbose_name = _("official holiday")
        verbose_name_plural = _("official holidays")
        constraints = [
            models.UniqueConstraint(fields=["date", "name"], name="unique_holiday")
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.name}"


def holiday_dates():
    """Every date in the table (callers that loop over many days pass this set)."""
    return set(Holiday.objects.values_list("date", flat=True))


def holidays_between(start, end):
    """Holiday dates in [start, end]: the project's working-day calendar provider.

    The table rules every year it has rows for (officers correct the Eid dates
    there); a year nobody has seeded yet falls back to the `holidays` package,
    so a deadline in it still skips Kosovo's holidays."""
    rows = Holiday.objects.filter(
        date__gte=date(start.year, 1, 1), date__lte=date(end.year, 12, 31)
    ).values_list("date", flat=True)
    table = set(rows)
    covered = {day.year for day in table}
    dates = {day for day in table if start <= day <= end}
    for year in range(start.year, end.year + 1):
        if year not in covered:
            dates |= package_holidays(
                max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
            )
    return dates
