"""Filing drill: citizens filing at once, and a rate limit across workers.

For SQLite (a fresh file) and PostgreSQL (a fresh database on the private server
at 127.0.0.1:5433): migrate with the production settings, start gunicorn with
--workers (gthread, 4 threads each), send --filings access-request filings at
--concurrency, each from its own address through the documented proxy
(X-Forwarded-For, one trusted proxy), and print sent / stored / distinct codes /
5xx. Then send 300 requests from one address to /api/access-requests/stats/
(60 a minute) and print how many got through. Every process and database it
creates is removed at the end.

    .venv/bin/python bench/filing_drill.py --filings 200 --concurrency 200 --workers 4
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.access_requests import concurrency_worker as harness  # noqa: E402

STATS = "/api/access-requests/stats/"


def drill(vendor, args, workdir):
    deployment = harness.Deployment(vendor, workdir / vendor, workers=args.workers)
    try:
        started = time.monotonic()
        deployment.prepare()
        deployment.start()
        print(f"[{vendor}] deployed in {time.monotonic() - started:.0f} s", flush=True)
        started = time.monotonic()
        statuses = harness.file_concurrently(
            deployment.base, args.filings, args.concurrency
        )
        seconds = time.monotonic() - started
        stored = deployment.stored()
        errors = sum(1 for s in statuses if not isinstance(s, int) or s >= 500)
        harness.wait_for_fresh_window(60, needed=15)
        burst = harness.burst(deployment.base, STATS, 300, 40)
        return {
            "vendor": vendor,
            "sent": len(statuses),
            "stored": stored["stored"],
            "distinct": stored["distinct"],
            "5xx": errors,
            "statuses": harness.summary(statuses),
            "seconds": seconds,
            "through": burst.count(200),
            "limited": burst.count(429),
            "tracebacks": deployment.server_errors().count("Traceback"),
        }
    finally:
        deployment.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filings", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--vendor", choices=["sqlite", "postgresql"], action="append")
    args = parser.parse_args()
    vendors = args.vendor or ["sqlite", "postgresql"]
    if "postgresql" in vendors and not harness.postgres_answers():
        raise SystemExit(f"no PostgreSQL at {harness.PG_URL}: scripts/postgres start")
    rows = []
    with tempfile.TemporaryDirectory(prefix="filing-drill-") as workdir:
        for vendor in vendors:
            rows.append(drill(vendor, args, Path(workdir)))
    print(
        f"\nfilings at concurrency {args.concurrency}, gunicorn --workers "
        f"{args.workers} (gthread x4), production settings"
    )
    print(
        f"{'database':11} {'sent':>5} {'stored':>6} {'codes':>6} {'5xx':>4} "
        f"{'seconds':>7}   statuses"
    )
    for row in rows:
        print(
            f"{row['vendor']:11} {row['sent']:5d} {row['stored']:6d} "
            f"{row['distinct']:6d} {row['5xx']:4d} {row['seconds']:7.1f}   "
            f"{row['statuses']}"
        )
    print(
        f"\nrate limit stats_api (60 a minute), 300 requests from one address across "
        f"{args.workers} workers"
    )
    for row in rows:
        print(
            f"{row['vendor']:11} through {row['through']:4d}  429 {row['limited']:4d}  "
            f"server tracebacks {row['tracebacks']}"
        )
    failed = any(
        row["5xx"] or row["stored"] != row["sent"] or row["through"] > 60
        for row in rows
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
