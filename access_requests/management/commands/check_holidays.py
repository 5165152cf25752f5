"""Compare the `Holiday` table with the `holidays` package's Kosovo calendar."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from access_requests.calendar import SEEDED_YEARS, differences, kind_of, package_rows
from access_requests.models import Holiday

FEASTS = ("Eid al-Fitr", "Eid al-Adha")


def feast(name):
    return next((f for f in FEASTS if name.startswith(f)), None)


class Command(BaseCommand):
    help = (
        "Report the days where the holiday table and the holidays package differ "
        "(run yearly); --add-missing adds the package's days to the table, except "
        "an Eid the table already dates (the Government's decision rules)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--years",
            default=f"{SEEDED_YEARS.start}-{SEEDED_YEARS.stop - 1}",
            help="a year or a range such as 2018-2027 (default: the seeded years)",
        )
        parser.add_argument("--add-missing", action="store_true")

    def handle(self, *args, years, add_missing, **options):
        try:
            first, _dash, last = years.partition("-")
            span = range(int(first), int(last or first) + 1)
        except ValueError:
            raise CommandError(
                "--years is a year or a range such as 2018-2027"
            ) from None
        if not span or len(span) > 100:
            raise CommandError("--years: give at most 100 years, first to last")
        rows = Holiday.objects.filter(date__year__in=span).values_list("date", "name")
        missing, extra = differences(rows, span)
        # An Eid the table dates differently from the package is the
        # Government's decision: the package's days for that feast are left out.
        decided = {
            (day.year, feast(name), day)
            for day, name in rows
            if feast(name) and "(observed" not in name
        }
        estimated = {
            (day.year, feast(name), day)
            for year in span
            for day, name in package_rows(year)
            if feast(name) and "(observed" not in name
        }
        dated_feasts = {(year, name) for year, name, _day in decided - estimated}
        added = 0
        with transaction.atomic():
            for day, name in missing:
                kept = (day.year, feast(name)) in dated_feasts
                note = ""
                if add_missing and not kept:
                    Holiday.objects.create(date=day, name=name, kind=kind_of(name))
                    added += 1
                    note = " (added)"
                elif kept:
                    note = " (the table dates this feast: check the decision)"
                self.stdout.write(f"missing from the table: {day} {name}{note}")
        for day, name in extra:
            self.stdout.write(f"only in the table:      {day} {name}")
        self.stdout.write(
            f"{span.start}-{span.stop - 1}: {len(missing)} missing, "
            f"{len(extra)} only in the table, {added} added"
        )
