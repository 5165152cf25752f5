import csv
import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from core.locales import default_language_code
from reports.figures import compute_figures, flat_rows, last_full_half_year


def parse_date(value, name):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--{name}: expected YYYY-MM-DD, got {value!r}") from error


class Command(BaseCommand):
    help = "Print the transparency report's figures for a period."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start")
        parser.add_argument("--to", dest="end")
        parser.add_argument("--format", choices=["json", "csv", "html"], default="json")
        parser.add_argument("--language", default=default_language_code())

    def handle(self, *args, **options):
        default_start, default_end = last_full_half_year()
        start = (
            parse_date(options["start"], "from") if options["start"] else default_start
        )
        end = parse_date(options["end"], "to") if options["end"] else default_end
        if start > end:
            raise CommandError("--from must not be after --to")
        figures = compute_figures(start, end)
        if options["format"] == "json":
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2))
        elif options["format"] == "csv":
            writer = csv.writer(self.stdout)
            writer.writerow(["figure", "value"])
            for name, value in flat_rows(figures):
                writer.writerow([name, "" if value is None else value])
        else:
            with translation.override(options["language"]):
                self.stdout.write(
                    render_to_string(
                        "reports/report_figures_standalone.html",
                        {"figures": figures, "rows": flat_rows(figures)},
                    )
                )
