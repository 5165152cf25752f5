"""`manage.py sync_source <slug>`: reconcile one source now, in this process."""

from django.core.management.base import BaseCommand, CommandError

from sources.models import Source
from sources.sync import reconcile


class Command(BaseCommand):
    help = "Reconcile an external source now (list, fetch changes, drop what's gone)."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, slug, **options):
        source = Source.objects.filter(slug=slug).first()
        if source is None:
            raise CommandError(f"no source {slug!r}")
        result = reconcile(source)
        if "error" in result:
            raise CommandError(f"{slug}: {result['error']}")
        self.stdout.write(
            f"{slug}: {result['changed']} changed, {result['removed']} removed, "
            f"{source.items.count()} items"
        )
        for problem in result["problems"]:
            self.stderr.write(problem)
