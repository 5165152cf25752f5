from django.core.management.base import BaseCommand

from access_requests.emails import deliver_pending
from access_requests.models import OutgoingEmail


class Command(BaseCommand):
    help = "Retry the access-request e-mails that could not be sent yet."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=10)

    def handle(self, *args, max_attempts, **options):
        sent = deliver_pending(max_attempts=max_attempts)
        left = OutgoingEmail.objects.filter(sent_at__isnull=True).count()
        self.stdout.write(f"{sent} e-mail(s) sent, {left} still unsent.")
