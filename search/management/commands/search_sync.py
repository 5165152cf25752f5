from django.core.management.base import BaseCommand, CommandError

from search import backend
from search.sync import sync_pending


class Command(BaseCommand):
    help = "Send the queued search index updates to Elasticsearch."

    def handle(self, *args, **options):
        backend.reset_breakers()
        applied, remaining = sync_pending()
        self.stdout.write(f"Applied {applied} queued updates; {remaining} remain.")
        if remaining:
            raise CommandError("Elasticsearch is unreachable; updates stay queued.")
