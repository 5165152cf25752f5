from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from search.tasks import queue_extraction


class Command(BaseCommand):
    help = (
        "Queue text extraction for documents still pending (after an upgrade, or "
        "when the queue was lost); --all queues every document again, e.g. after "
        "the limits changed. The worker (manage.py db_worker) runs them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every document")

    def handle(self, *args, **options):
        documents = get_document_model().objects.exclude(file="")
        if not options["all"]:
            documents = documents.filter(extraction_status="pending")
        documents = list(documents.only("pk", "file", "file_hash"))
        queue_extraction(documents)
        self.stdout.write(f"{len(documents)} documents queued for extraction")
