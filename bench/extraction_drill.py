"""Decompression-bomb drill (issue 12.7): hostile uploads through the real admin.

Builds the two files of the issue on the spot (a DOCX whose document.xml expands
to 1 GB; a PDF of 1,000 pages sharing one 71 MB content stream) plus an honest
PDF, starts the site under gunicorn (one worker, 30 s timeout, as a small
deployment would) and `manage.py tasks_worker` on a fresh SQLite database, logs in
as an editor and uploads each file through Wagtail's multiple-upload view. It
prints, per file, the HTTP answer and its time, the recorded outcome and reason,
the extracting child's peak RSS and seconds, and the worker's and gunicorn's
peak RSS (VmHWM). Every process it starts is stopped at the end.

    .venv/bin/python bench/extraction_drill.py
"""

import http.cookiejar
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "site")]

from home.demo_pdf import minimal_pdf  # noqa: E402
from tests.search.bombs import docx_bomb, pdf_bomb  # noqa: E402

PYTHON = REPO / ".venv" / "bin" / "python"
WORK = REPO / ".cache" / "extraction-drill"
PASSWORD = "drill-" + uuid.uuid4().hex


def log(message):
    print(f"[drill {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_kb(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+)", status)
    return int(found.group(1)) if found else None


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    body = bytearray()
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
        body += f"\r\n\r\n{value}\r\n".encode()
    for name, (filename, data) in files.items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream'
            "\r\n\r\n"
        ).encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


class Editor:
    def __init__(self, url):
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def csrf(self):
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def open(self, path, data=None, content_type=None, timeout=120):
        request = urllib.request.Request(self.url + path, data=data)
        if data is not None:
            request.add_header("X-CSRFToken", self.csrf())
            request.add_header("Referer", self.url + path)
            if content_type:
                request.add_header("Content-Type", content_type)
        return self.opener.open(request, timeout=timeout)

    def login(self, username):
        self.open("/admin/login/").read()
        form = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": ""}
        ).encode()
        answer = self.open("/admin/login/", form)
        if "/admin/login/" in answer.url:
            raise SystemExit("login failed")

    def upload(self, filename, data):
        self.open("/admin/documents/multiple/add/").read()
        body, content_type = multipart({}, {"files[]": (filename, data)})
        started = time.monotonic()
        try:
            answer = self.open("/admin/documents/multiple/add/", body, content_type)
            status, payload = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        seconds = time.monotonic() - started
        ok = status == 200 and json.loads(payload).get("success") is True
        return status, ok, seconds


def outcomes(database):
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT file, extraction_status, extraction_reason, extraction_details,"
            " length(extracted_text) FROM media_library_customdocument"
        ).fetchall()
    return {
        Path(name).name: (status, reason, json.loads(details or "{}"), chars)
        for name, status, reason, details, chars in rows
    }


def main():
    import shutil

    # A fresh start: stored names must be the uploaded ones (no _AbCd123 suffix).
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    database = WORK / "db.sqlite3"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(WORK / "media"),
        "WAGTAIL_SEARCH_BACKEND": "database",
        "SEARCH_INDEX_PREFIX": f"extraction_drill_{os.getpid()}",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",
    }

    def manage(*args):
        subprocess.run([PYTHON, "manage.py", *args], env=env, cwd=REPO, check=True)

    log("building the bombs")
    files = {
        "kanalizimi.pdf": minimal_pdf(["Kanalizimi i lagjes Arberia, faza e trete"]),
        "bomba.docx": docx_bomb(),
        "bomba.pdf": pdf_bomb(),
    }
    log("migrating a fresh SQLite database")
    manage("migrate", "--noinput", "-v", "0")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        "get_user_model().objects.create_superuser("
        f"'drill', 'd@x.invalid', {PASSWORD!r})",
    )
    logs = open(WORK / "processes.log", "w")  # noqa: SIM115
    gunicorn = subprocess.Popen(
        [
            REPO / ".venv" / "bin" / "gunicorn",
            "portal.wsgi",
            "--chdir",
            "site",
            "--workers",
            "1",
            "--timeout",
            "30",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env=env,
        cwd=REPO,
        stdout=logs,
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "tasks_worker", "--no-reload", "--interval", "0.2"],
        env=env,
        cwd=REPO,
        stdout=logs,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/admin/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        editor = Editor(url)
        editor.login("drill")
        uploads = {}
        for name, data in files.items():
            uploads[name] = editor.upload(name, data)
            log(f"uploaded {name}: HTTP {uploads[name][0]} in {uploads[name][2]:.2f} s")
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            state = outcomes(database)
            if len(state) == len(files) and all(
                v[0] != "pending" for v in state.values()
            ):
                break
            time.sleep(0.5)
        worker_alive = worker.poll() is None
        worker_peak = peak_kb(worker.pid)
        gunicorn_peak = max(
            filter(None, [peak_kb(gunicorn.pid), *map(peak_kb, children(gunicorn))])
        )
    finally:
        for process in (worker, gunicorn):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()
    report(files, uploads, state, worker_alive, worker_peak, gunicorn_peak)
    second_line(files)


def second_line(files):
    """The same bombs with the size cap lifted: time and memory still stop them."""
    import io

    from search.extract import Limits, extract

    print()
    print("Size cap lifted (the child's CPU, wall-clock and memory caps only):")
    print()
    print("| file | outcome | reason | child CPU s | wall s |")
    print("|---|---|---|---|---|")
    for name in ("bomba.docx", "bomba.pdf"):
        result = extract(
            io.BytesIO(files[name]), name, Limits(uncompressed_bytes=10**12)
        )
        details = result.details
        print(
            f"| {name} | {result.status} | {result.reason or '-'} "
            f"| {details.get('cpu_seconds')} | {details.get('seconds')} |"
        )


def children(process):
    path = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def report(files, uploads, state, worker_alive, worker_peak, gunicorn_peak):
    print()
    print(
        "| file | size | upload | outcome | reason | child peak RSS | child s "
        "| text chars |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, data in files.items():
        status, ok, seconds = uploads[name]
        outcome, reason, details, chars = state.get(name, ("missing", "", {}, 0))
        rss = details.get("peak_rss_kb")
        print(
            f"| {name} | {len(data) / 1024:.0f} KB | HTTP {status} "
            f"{'ok' if ok else 'FAILED'} in {seconds:.2f} s | {outcome} "
            f"| {reason or '-'} | {f'{rss / 1024:.0f} MB' if rss else 'killed'} "
            f"| {details.get('seconds', '-')} | {chars} |"
        )
    print()
    print(f"worker alive after the bombs: {worker_alive}")
    print(f"worker (tasks_worker) peak RSS: {worker_peak / 1024:.0f} MB")
    print(f"gunicorn peak RSS (master and worker): {gunicorn_peak / 1024:.0f} MB")
    failed = [n for n, (_s, ok, _t) in uploads.items() if not ok]
    failed += [n for n in files if state.get(n, ("pending",))[0] == "pending"]
    if failed or not worker_alive or worker_peak >= 1024 * 1024:
        raise SystemExit(f"DRILL FAILED: {failed}, see the table")


if __name__ == "__main__":
    main()
