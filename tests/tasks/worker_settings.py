"""Settings of the site and worker processes the task tests start: the demo
settings with the database queue, a real SMTP server (the tests' sink) and
short e-mail retry delays so a retry is seen within the test."""

import os

from portal.settings.dev import *  # noqa: F403

DEBUG = False
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("SMTP_SINK_PORT", "25"))
EMAIL_TIMEOUT = 5
ACCESS_REQUEST_EMAIL_RETRY = (1.0, 2.0)
