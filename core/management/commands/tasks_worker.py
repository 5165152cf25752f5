"""`db_worker`, patient with a busy SQLite database.

django-tasks' own worker exits when SQLite stays locked longer than the busy
timeout while it claims a task or records a result: an editor's 500-page bulk
publish held the write lock for ~2 minutes, the worker failed to record a
result, exited, and every later index update and e-mail waited for someone to
restart it (BENCHMARKS.md, "Rebuild speed, live updates ..."). This worker
waits instead: it retries recording a result until the lock is gone, and a
claim that can't get the lock is tried again after the interval. Other
database errors still end it, as they do db_worker.

    manage.py tasks_worker --no-reload --interval 0.2   (db_worker's options)
"""

import logging
import time

from django.db import close_old_connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks")

# How long to wait between attempts on a locked database; each attempt itself
# waits up to the connection's busy timeout (SQLITE_BUSY_TIMEOUT) first.
LOCKED_PAUSE = 1.0


def is_locked(error):
    return isinstance(error, OperationalError) and "is locked" in str(error)


def patiently(method, worker):
    """`method`, called again while the database is locked (and the worker
    runs), so a task's result is never lost to a long transaction elsewhere."""

    def attempt(*args, **kwargs):
        while True:
            try:
                return method(*args, **kwargs)
            except OperationalError as error:
                if not is_locked(error) or not worker.running:
                    raise
                logger.warning("Database locked; recording the task result again")
                time.sleep(LOCKED_PAUSE)

    return attempt


class PatientWorker(db_worker.Worker):
    def run_task(self, db_task_result):
        db_task_result.set_successful = patiently(db_task_result.set_successful, self)
        db_task_result.set_failed = patiently(db_task_result.set_failed, self)
        return super().run_task(db_task_result)

    def run(self):
        while True:
            try:
                return super().run()
            except OperationalError as error:
                # Claiming a task (BEGIN EXCLUSIVE) outwaited the busy timeout.
                if not is_locked(error) or not self.running:
                    raise
                logger.warning("Database locked; claiming the next task again")
                close_old_connections()
                time.sleep(max(self.interval, LOCKED_PAUSE))


class Command(db_worker.Command):
    help = "Run the database task queue; waits out a locked SQLite database."

    def handle(self, *args, **options):
        # db_worker's handle() builds its worker by the module's name `Worker`.
        original, db_worker.Worker = db_worker.Worker, PatientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
