"""A copy of the site run as separate processes, the way it is deployed: its
own SQLite database, its own Elasticsearch index prefix, `manage.py` commands,
runserver and the `tasks_worker` as subprocesses with their logs kept.

The journeys (tests/journeys), the background-task tests (tests/tasks) and the
hub-to-municipality test (tests/sources/test_transparenca.py) each start one;
this is the one place that knows how."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(workdir, index_prefix, elasticsearch_url, **extra):
    """The environment of a site on `workdir`'s own database and media, with
    its indices under `index_prefix` (dev settings unless `extra` says)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{Path(workdir) / 'db.sqlite3'}",
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "SEARCH_INDEX_PREFIX": index_prefix,
        "ELASTICSEARCH_URL": elasticsearch_url,
        **extra,
    }


def wait_for(url, process, log_path, seconds=90):
    """Until `url` answers; fails with the process's log if it died first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(Path(log_path).read_text()) from None
            time.sleep(0.3)


def stop(process, seconds=10):
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class SiteProcesses:
    """`manage.py` against one site's environment, and its long-running
    processes (each with a log file in `workdir`)."""

    env: dict
    workdir: Path
    processes: list = field(default_factory=list)
    logs: list = field(default_factory=list)

    def run(self, *args, timeout=600):
        """`manage.py <args>`, finished (it may have failed)."""
        return subprocess.run(
            [sys.executable, str(REPO / "manage.py"), *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def manage(self, *args, timeout=600):
        """A management command's output; the test fails if the command does."""
        result = self.run(*args, timeout=timeout)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def shell(self, code, timeout=300):
        """Run Python in the site's Django environment; returns what it prints."""
        return self.manage("shell", "-c", code, timeout=timeout).strip()

    def start(self, log_name, *args):
        """Start `manage.py <args>` in the background, its output appended
        to workdir/<log_name>."""
        log = open(self.workdir / log_name, "a")  # noqa: SIM115 - closed in close()
        self.logs.append(log)
        process = subprocess.Popen(
            [sys.executable, str(REPO / "manage.py"), *args],
            env=self.env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def serve(self, port, ready_path="/", log_name="server.log"):
        """runserver on `port`, once `ready_path` answers."""
        server = self.start(log_name, "runserver", "--noreload", f"127.0.0.1:{port}")
        wait_for(
            f"http://127.0.0.1:{port}{ready_path}", server, self.workdir / log_name
        )
        return server

    def start_worker(self, interval, log_name="worker.log"):
        """The background worker, as `make run` starts it beside the site."""
        return self.start(
            log_name, "tasks_worker", "--no-reload", "--interval", str(interval)
        )

    def read_log(self, log_name):
        return (self.workdir / log_name).read_text(errors="replace")

    def drop_indices(self):
        """Delete this site's indices (through its own settings and client)."""
        self.shell(
            "from core.elasticsearch_client import get_client;"
            f"get_client().indices.delete(index='{self.env['SEARCH_INDEX_PREFIX']}*',"
            " ignore_unavailable=True, allow_no_indices=True)"
        )

    def close(self):
        for process in self.processes:
            if process.poll() is None:
                stop(process)
        self.processes.clear()
        for log in self.logs:
            log.close()
        self.logs.clear()
