"""Run by test_concurrency in its own process, against its own PostgreSQL
database: migrate, then file 200 requests at once from 200 threads, each with its
own database connection, and print what was stored as JSON."""

import json
import os
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from access_requests.models import AccessRequest  # noqa: E402

THREADS = int(os.environ.get("ACCESS_THREADS", "200"))


def main():
    call_command("migrate", "--noinput", verbosity=0)
    barrier = threading.Barrier(THREADS)
    statuses = [None] * THREADS
    errors = []

    def submit(index):
        try:
            client = Client()
            barrier.wait(timeout=60)
            response = client.post(
                "/sq/qasje/",
                {
                    "action": "file",
                    "requester_name": f"Requester {index}",
                    "email": f"r{index}@example.org",
                    "category": "citizen",
                    "documents_requested": f"Document number {index}",
                    "preferred_format": "copy",
                },
                REMOTE_ADDR=f"10.{index // 250}.{index % 250}.1",
            )
            statuses[index] = response.status_code
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(f"{index}: {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=submit, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = list(AccessRequest.objects.values_list("tracking_code", flat=True))
    print(
        json.dumps(
            {
                "statuses": statuses,
                "errors": errors[:5],
                "stored": len(codes),
                "distinct_codes": len(set(codes)),
                "vendor": connection.vendor,
                "submit_seconds": round(time.monotonic() - started, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
