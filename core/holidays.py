"""The official holidays: the editable table every working-day count reads.

It lives in core, below every domain, so the calendar needs no app above it.
The table holds the `holidays` package's calendar for the country (`XK`,
observed days included) except the Eid dates, which follow the Government's
yearly decision and are kept as data below; officers correct a year in the
admin (the access-request app's "Holidays" menu, whose signal handlers move
open deadlines when a row changes).
"""

from datetime import date, timedelta

import holidays as holidays_package
from django.db import models
from django.utils.translation import gettext_lazy as _

COUNTRY = "XK"
SEEDED_YEARS = range(2018, 2028)

# The first day of each feast as the Government decided or, for future years,
# as the standard (Umm al-Qura based) tables give it. `manage.py check_holidays`
# shows where the package's estimate disagrees.
EID_AL_FITR = {
    2018: date(2018, 6, 15),
    2019: date(2019, 6, 4),
    2020: date(2020, 5, 24),
    2021: date(2021, 5, 13),
    2022: date(2022, 5, 2),
    2023: date(2023, 4, 21),
    2024: date(2024, 4, 10),
    2025: date(2025, 3, 30),
    2026: date(2026, 3, 20),
    2027: date(2027, 3, 10),
}
EID_AL_ADHA = {
    2018: date(2018, 8, 21),
    2019: date(2019, 8, 11),
    2020: date(2020, 7, 31),
    2021: date(2021, 7, 20),
    2022: date(2022, 7, 9),
    2023: date(2023, 6, 28),
    2024: date(2024, 6, 16),
    2025: date(2025, 6, 6),
    2026: date(2026, 5, 27),
    2027: date(2027, 5, 16),
}
EID = {"Eid al-Fitr": EID_AL_FITR, "Eid al-Adha": EID_AL_ADHA}
MOVABLE = ("Easter", "Eid")


class Holiday(models.Model):
    class Kind(models.TextChoices):
        FIXED = "fixed", _("fixed date")
        MOVABLE = "movable", _("movable")
        OBSERVED = "observed", _("observed (moved from a weekend)")

    date = models.DateField(_("date"), db_index=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        app_label = "core"
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


def package_holidays(start, end, country=None):
    """Holiday dates in [start, end] from the `holidays` package."""
    from django.conf import settings

    country = country or getattr(settings, "TRANSPARENCA_HOLIDAY_COUNTRY", COUNTRY)
    if end < start:
        return set()
    calendar = holidays_package.country_holidays(
        country, years=range(start.year, end.year + 1), language="en_US"
    )
    return {day for day in calendar if start <= day <= end}


def holidays_between(start, end):
    """Holiday dates in [start, end] from the table.

    The table rules every year it has rows for; a year nobody has seeded yet
    falls back to the `holidays` package, so a deadline in it still skips the
    country's holidays."""
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


# --- what the table should hold (seed migration, check_holidays) -----------
def package_calendar(year):
    return holidays_package.country_holidays(COUNTRY, years=year, language="en_US")


def package_rows(year):
    """(date, name) for every holiday of `year` in the package, one row per name
    (Constitution Day and Catholic Easter shared 9 April 2023)."""
    calendar = package_calendar(year)
    return sorted((day, name) for day in calendar for name in calendar.get_list(day))


def kind_of(name):
    if "(observed" in name:
        return "observed"
    return "movable" if any(word in name for word in MOVABLE) else "fixed"


def _next_free_weekday(day, taken):
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


def holidays_for_year(year):
    """(date, English name, kind) for every official holiday of `year`: the
    package's calendar with the Eid dates of the table above. An Eid on a weekend
    is observed on the next free weekday, the rule the package applies (Law No.
    03/L-064)."""
    rows = [
        (day, name, kind_of(name))
        for day, name in package_rows(year)
        if not (year in EID_AL_FITR and name.startswith("Eid"))
    ]
    for name, table in EID.items():
        if year not in table:
            continue
        day = table[year]
        rows.append((day, name, "movable"))
        if day.weekday() >= 5:
            taken = {row[0] for row in rows}
            observed = _next_free_weekday(day, taken)
            rows.append((observed, f"{name} (observed)", "observed"))
    return sorted(rows)


def differences(table_rows, years):
    """Compare the table with the package, by date.

    Args:
        table_rows: (date, name) pairs from the `Holiday` table.
        years: the years to compare.

    Returns:
        (missing, extra): (date, name) in the package but not in the table, and
        in the table but not in the package, each sorted.
    """
    years = set(years)
    table = {}
    for day, name in table_rows:
        if day.year in years:
            table.setdefault(day, name)
    package = {}
    for year in years:
        for day, name in package_rows(year):
            package.setdefault(day, name)
    missing = sorted((day, name) for day, name in package.items() if day not in table)
    extra = sorted((day, name) for day, name in table.items() if day not in package)
    return missing, extra
