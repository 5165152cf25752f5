from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from access_requests.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail the responsible officers about deadlines (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today, **options):
        reminders, notices = send_reminders(today or timezone.localdate())
        self.stdout.write(f"{reminders} reminder(s), {notices} overdue notice(s).")
