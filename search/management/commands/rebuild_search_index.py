from django.core.management.base import BaseCommand

from search.rebuild import rebuild


class Command(BaseCommand):
    help = (
        "Build a new transparency search index from the database and swap the "
        "alias to it atomically; searches keep working meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-old", action="store_true", help="do not delete the old index"
        )

    def handle(self, *args, **options):
        summary = rebuild(out=self.stdout, keep_old=options["keep_old"])
        self.stdout.write(
            self.style.SUCCESS(
                "Indexed {pages} pages as {documents} documents into {index} "
                "({errors} errors); alias {alias} points to it since "
                "{searchable_seconds} s; merged in {merge_seconds} s more; "
                "replaced: {old}.".format(
                    old=", ".join(summary["replaced"]) or "none", **summary
                )
            )
        )
