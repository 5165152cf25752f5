"""Publish → searchable with the background worker, idle and under search load.

    .venv/bin/python bench/publish_latency.py --samples 40 --bulk 500 --load-threads 16
    .venv/bin/python bench/publish_latency.py --samples 20 --load-threads 16 \
        --bulk 500 --database-url postgres://postgres@127.0.0.1:5433/rebuild2

Builds the demo site on its own SQLite database in a temporary folder (migrate,
load_demo_content, one `tasks_worker --batch` run that indexes it), with its own
index prefix, starts `manage.py tasks_worker` beside it and publishes press
releases from this process the way an editor's request does. The latency of
one page is from the commit of its publish to the first search that finds it
(polled every 20 ms). Then the same while `--load-threads` threads send the
project's own search query to Elasticsearch; then, under the same load, one
transaction publishing `--bulk` pages, timed until every one of them is found,
and whether the worker left anything queued (anything `search_sync` would have
to replay). Everything stays on 127.0.0.1; the index and
the folder are deleted at the end.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "site")]


def manage(env, *args):
    subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=env,
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(label, values):
    return (
        f"{label}: n={len(values)} p50 {statistics.median(values) * 1000:.0f} ms, "
        f"p95 {percentile(values, 0.95) * 1000:.0f} ms, "
        f"max {max(values) * 1000:.0f} ms"
    )


def new_pages(count, words):
    from django.utils.text import slugify
    from wagtail.models import Locale

    from press.models import PressIndexPage, PressReleasePage

    parent = PressIndexPage.objects.get(locale__language_code="sq")
    locale = Locale.objects.get(language_code="sq")
    pages = []
    for number in range(count):
        title = f"{words} {os.getpid()} {time.monotonic_ns()} nr {number}"
        page = PressReleasePage(
            title=title, slug=slugify(title), summary=title, locale=locale
        )
        parent.add_child(instance=page)
        pages.append(page)
    return pages


def found(es, alias, page_ids):
    return es.count(index=alias, query={"terms": {"page_id": page_ids}})["count"]


def wait_found(es, alias, page_ids, timeout):
    started = time.monotonic()
    while found(es, alias, page_ids) < len(page_ids):
        if time.monotonic() - started > timeout:
            return None
        time.sleep(0.02)
    return time.monotonic() - started


def latencies(es, alias, samples, pause):
    values = []
    for page in new_pages(samples, "Njoftim per banoret"):
        page.save_revision().publish()  # autocommit: committed on return
        seconds = wait_found(es, alias, [page.pk], timeout=30)
        values.append(seconds if seconds is not None else 30.0)
        time.sleep(pause)  # not in step with the worker's polling
    return values


def search_load(stop, threads, counter):
    from search.backend import SearchUnavailable
    from search.query import parse_params, search

    queries = ["vendimi per buxhetin", "konkurs mesimdhenes", "ujesjelles", "seanca"]

    def loop(number):
        while not stop.is_set():
            try:
                search(parse_params({"q": queries[number % len(queries)]}, "sq"))
            except SearchUnavailable:
                # A node too busy to answer opens the search breaker: the
                # client keeps searching (as citizens would) instead of dying.
                time.sleep(0.1)
                continue
            counter.append(1)

    workers = [threading.Thread(target=loop, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    return workers


def bulk_publish(es, alias, count, threads, counter):
    """One transaction publishing `count` pages, timed from its commit until
    every page is found; then whether the queue drained by itself (no row left,
    none with an error: nothing for `search_sync` to do) and in how many
    worker runs."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from search.models import PendingIndexUpdate
    from search.tasks import sync_index

    runs_before = DBTaskResult.objects.filter(task_path=sync_index.module_path)
    runs_before = set(runs_before.values_list("pk", flat=True))
    built = time.monotonic()
    commit = []
    with transaction.atomic():
        # Registered first, so it runs first after the commit: the clock
        # starts before the other on-commit work (enqueuing, translator mails).
        transaction.on_commit(lambda: commit.append(time.monotonic()))
        pages = new_pages(count, "Vendim i kuvendit")
        for page in pages:
            page.save_revision().publish()
    (committed,) = commit
    searches = len(counter)
    waited = wait_found(es, alias, [p.pk for p in pages], timeout=600)
    seconds = None if waited is None else time.monotonic() - committed
    rate = (len(counter) - searches) / max(time.monotonic() - committed, 1e-3)
    print(
        f"bulk publish of {count} pages in one transaction, {threads} search "
        f"threads ({rate:.0f} searches/s): {committed - built:.1f} s to publish, "
        "all searchable "
        + (f"{seconds:.1f} s after the commit" if seconds else "NOT within 600 s")
    )
    # The worker deletes a batch's rows right after its bulk request.
    deadline = time.monotonic() + 30
    while PendingIndexUpdate.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    runs = DBTaskResult.objects.filter(task_path=sync_index.module_path).exclude(
        pk__in=runs_before
    )
    results = [run.return_value for run in runs if run.status == "SUCCESSFUL"]
    print(
        f"  queue afterwards: {PendingIndexUpdate.objects.count()} rows left, "
        f"{PendingIndexUpdate.objects.exclude(last_error='').count()} with an "
        f"error; {runs.count()} sync_index runs "
        f"({', '.join(str(r) for r in results[:8])})"
    )


def fresh_postgres(url):
    """Drop and create the URL's database, so the demo site starts empty."""
    import urllib.parse

    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--bulk", type=int, default=500)
    parser.add_argument("--load-threads", type=int, default=8)
    parser.add_argument("--worker-interval", default="0.2")
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL", ""))
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL URL instead of a fresh SQLite file; that database is "
        "dropped and created empty first",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="publish-bench-"))
    prefix = f"bench_publish_{os.getpid()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": fresh_postgres(args.database_url)
        if args.database_url
        else f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "SEARCH_INDEX_PREFIX": prefix,
        **({"ELASTICSEARCH_URL": args.es_url} if args.es_url else {}),
    }
    os.environ.update(env)
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo_content")
    manage(env, "tasks_worker", "--batch", "--no-reload", "-v", "0")
    print(f"demo site ready in {time.monotonic() - started:.0f} s ({workdir})")

    import django

    django.setup()
    from django.conf import settings

    # Publishing mails the translators; the demo's console backend would print
    # them between the measurements.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from search import backend

    log = open(workdir / "worker.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(
        [sys.executable, str(REPO / "manage.py"), "tasks_worker", "--no-reload"]
        + ["--interval", args.worker_interval],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    es = backend.client(timeout=30)
    alias = backend.alias_name()
    try:
        # Measure from a running worker: its start-up takes seconds under load.
        deadline = time.monotonic() + 120
        while "Starting worker" not in (workdir / "worker.log").read_text():
            if time.monotonic() > deadline or worker.poll() is not None:
                raise SystemExit((workdir / "worker.log").read_text())
            time.sleep(0.2)
        print(f"worker: tasks_worker --interval {args.worker_interval}")
        idle = latencies(es, alias, args.samples, pause=0.13)
        print(summary("publish → searchable, idle", idle))

        stop, counter = threading.Event(), []
        load = search_load(stop, args.load_threads, counter)
        load_started = time.monotonic()
        try:
            loaded = latencies(es, alias, args.samples, pause=0.13)
            rate = len(counter) / (time.monotonic() - load_started)
            print(
                summary(
                    f"publish → searchable, {args.load_threads} search threads "
                    f"({rate:.0f} searches/s)",
                    loaded,
                )
            )
            if args.bulk:
                # Still under the same search load: the worker's batches must
                # drain the queue while citizens search.
                bulk_publish(es, alias, args.bulk, args.load_threads, counter)
        finally:
            stop.set()
            for thread in load:
                thread.join()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
        es.indices.delete(
            index=f"{prefix}_transparency*",
            ignore_unavailable=True,
            allow_no_indices=True,
        )
        es.close()
        subprocess.run(["rm", "-rf", str(workdir)], check=False)


if __name__ == "__main__":
    main()
