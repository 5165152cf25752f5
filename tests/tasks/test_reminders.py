"""The daily reminder run schedules itself once and is idempotent."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from access_requests.tasks import daily_reminders, next_reminder_run, schedule_reminders

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def waiting():
    from django_tasks_db.models import DBTaskResult

    return list(
        DBTaskResult.objects.filter(
            status="READY", task_path=daily_reminders.module_path
        ).values_list("run_after", flat=True)
    )


def test_the_next_run_is_at_seven_today_or_tomorrow():
    morning = timezone.make_aware(datetime(2018, 3, 5, 6, 30))
    evening = timezone.make_aware(datetime(2018, 3, 5, 18, 0))
    assert timezone.localtime(next_reminder_run(morning)).day == 5
    assert timezone.localtime(next_reminder_run(evening)).day == 6
    assert timezone.localtime(next_reminder_run(evening)).hour == 7


def test_scheduling_twice_queues_one_run(settings):
    settings.TASKS = DATABASE_QUEUE
    assert schedule_reminders() is not None
    assert schedule_reminders() is None
    (run_after,) = waiting()
    assert timezone.now() < run_after <= timezone.now() + timedelta(days=1)


def make_request(received):
    from access_requests.models import AccessRequest

    item = AccessRequest(
        requester_name="Test Requester",
        email="requester@example.org",
        category="citizen",
        documents_requested="The 2017 road maintenance contract",
        preferred_format="electronic",
        received_at=timezone.make_aware(datetime.fromisoformat(received)),
    )
    item.save()
    return item


def test_a_run_reminds_once_and_schedules_the_next(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.ACCESS_REQUEST_OFFICER_EMAILS = ["officer@example.org"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Received long ago: overdue today.
    make_request(received="2018-01-15T10:00")
    first = daily_reminders.call()
    second = daily_reminders.call()
    assert first["overdue_notices"] >= 1
    assert second == {"reminders": 0, "overdue_notices": 0}
    # Each run leaves exactly one run scheduled for tomorrow morning.
    assert len(waiting()) == 1
    from access_requests.models import OutgoingEmail

    assert (
        OutgoingEmail.objects.filter(kind="overdue").count() == first["overdue_notices"]
    )
