from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from access_requests.reminders import send_reminders
from access_requests.tasks import next_reminder_run, schedule_reminders


class Command(BaseCommand):
    help = (
        "E-mail the responsible officers about deadlines now, or (--schedule) "
        "start the worker's daily run, which then schedules itself."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="enqueue the daily background run if none is waiting",
        )

    def handle(self, *args, today, schedule, **options):
        if schedule:
            queued = schedule_reminders()
            when = next_reminder_run() if queued else None
            self.stdout.write(
                f"Daily reminders scheduled for {when:%Y-%m-%d %H:%M}."
                if queued
                else "A daily reminder run is already scheduled (or tasks run "
                "immediately): nothing to do."
            )
            return
        reminders, notices = send_reminders(today or timezone.localdate())
        self.stdout.write(f"{reminders} reminder(s), {notices} overdue notice(s).")
