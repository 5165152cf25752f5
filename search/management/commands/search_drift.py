from django.core.management.base import BaseCommand, CommandError

from search.drift import drift


class Command(BaseCommand):
    help = "Compare the database with the transparency search index."

    def handle(self, *args, **options):
        report = drift()
        for label, ids in (
            ("missing from the index", report["missing"]),
            ("in the index but not public", report["extra"]),
            ("indexed from an older revision", report["stale"]),
            ("indexed with an outdated status", report["status"]),
        ):
            shown = ", ".join(map(str, sorted(ids)[:20]))
            self.stdout.write(f"{len(ids)} pages {label}{': ' if ids else ''}{shown}")
        self.stdout.write(f"{report['pending']} updates queued")
        if any(report[key] for key in ("missing", "extra", "stale", "status")):
            raise CommandError(
                "The index has drifted; start the worker (db_worker), run "
                "search_sync, or rebuild_search_index."
            )
        self.stdout.write(self.style.SUCCESS("The index matches the database."))
