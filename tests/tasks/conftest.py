"""The demo site on its own SQLite database, driven through `manage.py` with a
real `tasks_worker` subprocess, real Elasticsearch behind a proxy the tests can
cut, and a real SMTP server (aiosmtpd) the tests can stop and start."""

import json
import os
import sqlite3
import time
import urllib.parse

import pytest
from aiosmtpd.controller import Controller

from tests.live_site import SiteProcesses, free_port, site_env, stop

from .proxy import TcpProxy

pytestmark = [pytest.mark.elasticsearch]


class Sink:
    """Keeps every message the SMTP server accepted."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd)
        self.messages.append(
            {
                "to": envelope.rcpt_tos,
                "body": envelope.content.decode("utf-8", "replace"),
            }
        )
        return "250 OK"


class SmtpSink:
    def __init__(self):
        self.port = free_port()
        self.sink = Sink()
        self.controller = None

    def up(self):
        if self.controller is None:
            self.controller = Controller(
                self.sink, hostname="127.0.0.1", port=self.port
            )
            self.controller.start()

    def down(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self):
        return self.sink.messages


class TaskSite(SiteProcesses):
    def __init__(self, env, workdir, proxy, smtp):
        super().__init__(env=env, workdir=workdir)
        self.proxy, self.smtp = proxy, smtp
        self.worker = None

    def manage_status(self, *args, timeout=600):
        """(exit code, output) of a management command, which may fail."""
        result = self.run(*args, timeout=timeout)
        return result.returncode, result.stdout + result.stderr

    def manage(self, *args, timeout=600):
        code, out = self.manage_status(*args, timeout=timeout)
        assert code == 0, out
        return out

    def query(self, sql, *params):
        """Read the site's database directly (read-only): faster than a shell,
        so the tests can watch the worker at work."""
        uri = f"file:{self.workdir / 'db.sqlite3'}?mode=ro"
        with sqlite3.connect(uri, uri=True, timeout=10) as db:
            return db.execute(sql, params).fetchall()

    def shell(self, code, timeout=300):
        """Run Python in the site's Django environment; returns the JSON it
        prints last (one `print(json.dumps(...))`)."""
        out = self.manage("shell", "-c", code, timeout=timeout).strip()
        return json.loads(out.splitlines()[-1]) if out else None

    def start_worker(self):
        if self.worker is not None and self.worker.poll() is None:
            return
        self.worker = super().start_worker(0.1)

    def stop_worker(self):
        if self.worker is None:
            return
        stop(self.worker, seconds=20)
        self.processes.remove(self.worker)
        self.worker = None

    def worker_log(self):
        return self.read_log("worker.log")

    def es(self):
        """A client for the real node (not the proxy): what the tests observe."""
        from elasticsearch import Elasticsearch

        return Elasticsearch(self.real_es, request_timeout=30)

    @property
    def alias(self):
        return f"{self.env['SEARCH_INDEX_PREFIX']}_transparency"

    def found(self, title):
        """Is a page with exactly this title searchable right now?"""
        es = self.es()
        try:
            hits = es.search(
                index=self.alias,
                query={"match_phrase": {"title": title}},
                _source=["title", "status"],
            )["hits"]["hits"]
        finally:
            es.close()
        return [hit["_source"] for hit in hits if hit["_source"]["title"] == title]

    def wait_until(self, check, seconds, step=0.05):
        """Seconds until `check()` is true; fails after `seconds`."""
        started = time.monotonic()
        while not check():
            if time.monotonic() - started > seconds:
                pytest.fail(f"not within {seconds} s; worker log:\n{self.worker_log()}")
            time.sleep(step)
        return time.monotonic() - started


@pytest.fixture(scope="session")
def task_site(tmp_path_factory, elasticsearch_url):
    workdir = tmp_path_factory.mktemp("task-site")
    node = urllib.parse.urlsplit(elasticsearch_url.split(",")[0].strip())
    proxy = TcpProxy(node.hostname, node.port or 9200)
    proxy.up()
    smtp = SmtpSink()
    smtp.up()
    env = site_env(
        workdir,
        f"{os.environ.get('SEARCH_INDEX_PREFIX', 'tasks')}_worker_{os.getpid()}",
        proxy.url,
        DJANGO_SETTINGS_MODULE="tests.tasks.worker_settings",
        SMTP_SINK_PORT=str(smtp.port),
        ACCESS_REQUEST_OFFICER_EMAILS="officer@example.org",
    )
    site = TaskSite(env=env, workdir=workdir, proxy=proxy, smtp=smtp)
    site.real_es = elasticsearch_url
    site.manage("migrate", "--noinput", "-v", "0")
    site.manage("load_demo_content")
    # The demo queued its pages and documents: the worker's first run (batch
    # mode: until the queue is empty) indexes everything through the task path.
    site.manage("tasks_worker", "--batch", "--no-reload", "-v", "0")
    yield site
    site.stop_worker()
    site.close()
    smtp.down()
    es = site.es()
    es.indices.delete(
        index=f"{env['SEARCH_INDEX_PREFIX']}_transparency*",
        ignore_unavailable=True,
        allow_no_indices=True,
    )
    es.close()
    proxy.down()


@pytest.fixture
def site(task_site):
    """The task site with Elasticsearch, SMTP and the worker all up."""
    task_site.proxy.up()
    task_site.smtp.up()
    task_site.start_worker()
    yield task_site
    task_site.proxy.up()
    task_site.smtp.up()
