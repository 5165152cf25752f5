"""Load drill: the production configuration under mixed traffic, on loopback.

Sets up a dedicated PostgreSQL database (private server on 127.0.0.1:5433) and a
separate Elasticsearch node (default 127.0.0.1:9288, so the shared development
node keeps running), migrates, loads the demo content, builds the search index,
starts gunicorn with the production settings, then runs N concurrent clients of
mixed traffic for a bounded time and prints the error count and p50/p95 latency
per endpoint. With --es-outage S the drill node is stopped for S seconds in the
middle of the load (search must degrade, never answer 5xx), a page is edited
during the outage, and the time until the search index shows the edit again is
reported. Every process it starts is stopped at the end.

    .venv/bin/python bench/load_drill.py --duration 60 --clients 50 --es-outage 60
"""

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
HOST = "127.0.0.1"
# Hard bounds, whatever the arguments say.
MAX_CLIENTS, MAX_DURATION, MAX_REQUESTS = 200, 600, 500_000
QUERIES = ["buxhet", "rregullore", "taksat", "kuvendi", "konkurs", "budžet", "zzz"]


def log(message):
    print(f"[drill {time.strftime('%H:%M:%S')}] {message}", flush=True)


def drill_env(args):
    cache = REPO / ".cache" / "drill"
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": f"postgres://postgres@{HOST}:5433/{args.database}",
            "ELASTICSEARCH_URL": args.es_url,
            "WAGTAIL_SEARCH_BACKEND": "auto",
            "SEARCH_INDEX_PREFIX": "drill",
            "TRANSPARENCA_CACHE": str(cache),
            "STATIC_ROOT": str(cache / "static"),
            "MEDIA_ROOT": str(cache / "media"),
            "BASE_URL": f"http://{HOST}:{args.port}",
        }
    )
    return env


def run(command, env, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    return subprocess.run(command, env=env, cwd=REPO, check=True, **kwargs)


def manage(env, *arguments, **kwargs):
    return run([PYTHON, "manage.py", *arguments], env, **kwargs)


def has_command(env, name):
    listing = subprocess.run(
        [PYTHON, "manage.py", "help", "--commands"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return name in listing


def es(env, action):
    run([REPO / "scripts" / "elasticsearch", action], env)


def create_database(name):
    import psycopg

    with psycopg.connect(
        f"host={HOST} port=5433 user=postgres dbname=postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            log(f"created database {name}")


def setup(env, args):
    run([REPO / "scripts" / "postgres", "start"], env)
    create_database(args.database)
    es(env, "start")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo_content")
    for command in ("rebuild_search_index", "update_index"):
        if has_command(env, command):
            manage(env, command)
            break


def start_gunicorn(env, args):
    command = [
        REPO / ".venv" / "bin" / "gunicorn",
        "portal.wsgi",
        "--chdir",
        REPO / "site",
        "--bind",
        f"{HOST}:{args.port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "--timeout",
        "30",
        "--log-level",
        "warning",
    ]
    log("$ " + " ".join(str(part) for part in command))
    log_file = open(REPO / ".cache" / "drill" / "gunicorn.log", "ab")  # noqa: SIM115
    log(f"gunicorn's log: {log_file.name}")
    process = subprocess.Popen(
        command,
        env=env,
        cwd=REPO,
        start_new_session=True,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://{HOST}:{args.port}/sq/", timeout=2)
            log(f"gunicorn (pid {process.pid}) answers on port {args.port}")
            return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit("gunicorn exited during start-up") from None
            time.sleep(0.5)
    stop_process(process)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_process(process):
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return json.load(response)


def exists(base, path):
    try:
        urllib.request.urlopen(base + path, timeout=10)
        return True
    except urllib.error.HTTPError as error:
        return error.code not in {404, 405}


def traffic_mix(base):
    """{endpoint name: [paths]}, discovered from the API of the running site."""
    pages = get_json(base, "/api/v2/pages/?limit=100&fields=-title")["items"]
    details = [
        urllib.parse.urlsplit(item["meta"]["html_url"]).path
        for item in pages
        if item["meta"]["type"] not in {"home.HomePage"}
    ]
    indexes = sorted({path.rsplit("/", 2)[0] + "/" for path in details})
    mix = {
        "home": ["/sq/", "/sr/", "/en/"],
        "index": indexes,
        "index_filtered": [f"{path}?year=2018&page=1" for path in indexes],
        "detail": details,
        "search_page": [f"/sq/search/?q={urllib.parse.quote(q)}" for q in QUERIES],
        "api_listing": [
            "/api/v2/pages/?type=municipal_acts.MunicipalActPage&fields=*",
            "/api/v2/pages/?locale=sr&limit=20",
            "/api/v2/pages/?search=buxhet",
        ],
        "api_detail": [f"/api/v2/pages/{item['id']}/" for item in pages],
        "feeds": [
            "/sq/feeds/press/rss/",
            "/sq/feeds/acts/atom/",
            "/sq/calendar/sessions.ics",
        ],
    }
    if exists(base, "/api/search/?q=buxhet"):
        mix["api_search"] = [
            f"/api/search/?q={urllib.parse.quote(q)}&lang=sq" for q in QUERIES
        ]
    if exists(base, "/api/search/suggest/?q=bux"):
        mix["api_suggest"] = [
            f"/api/search/suggest/?q={q[:3]}&lang=sq" for q in QUERIES
        ]
    return {name: paths for name, paths in mix.items() if paths}


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (time since start, endpoint, status, seconds)

    def add(self, *row):
        with self.lock:
            self.rows.append(row)


def client(port, mix, deadline, started, results, seed, budget):
    rng = random.Random(seed)
    names = sorted(mix)
    connection = None
    while time.monotonic() < deadline and budget.acquire(blocking=False):
        endpoint = rng.choice(names)
        path = rng.choice(mix[endpoint])
        begin = time.monotonic()
        try:
            if connection is None:
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
            connection.request("GET", path, headers={"Accept-Language": "sq"})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            status = 0  # connection refused/reset/timeout
            if connection is not None:
                connection.close()
            connection = None
        results.add(begin - started, endpoint, status, time.monotonic() - begin)
    if connection is not None:
        connection.close()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(rows, title):
    print(f"\n{title}")
    print(
        f"{'endpoint':16} {'requests':>8} {'5xx/err':>8} {'429':>5} {'p50 ms':>8} "
        f"{'p95 ms':>8}"
    )
    by_endpoint = defaultdict(list)
    for _at, endpoint, status, seconds in rows:
        by_endpoint[endpoint].append((status, seconds))
    total_errors = 0
    for endpoint in sorted(by_endpoint):
        items = by_endpoint[endpoint]
        errors = sum(1 for status, _s in items if status >= 500 or status == 0)
        limited = sum(1 for status, _s in items if status == 429)
        total_errors += errors
        times = [seconds * 1000 for _status, seconds in items]
        print(
            f"{endpoint:16} {len(items):8d} {errors:8d} {limited:5d} "
            f"{percentile(times, 0.5):8.0f} {percentile(times, 0.95):8.0f}"
        )
    every = [seconds * 1000 for *_rest, seconds in rows]
    if every:
        print(
            f"{'ALL':16} {len(rows):8d} {total_errors:8d} {'':5} "
            f"{percentile(every, 0.5):8.0f} {percentile(every, 0.95):8.0f}"
        )
    return total_errors


def edit_during_outage(env, token):
    """Publish an edit while the search node is down; the search index misses it."""
    code = (
        "from press.models import PressReleasePage as P\n"
        "p = P.objects.live().filter(locale__language_code='sq').first()\n"
        f"p.summary = (p.summary or '') + ' {token}'\n"
        "p.save_revision().publish()\n"
        "print(p.pk)\n"
    )
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log(
        f"edited a press release during the outage (rc {result.returncode}); "
        f"{(result.stderr.strip().splitlines() or [''])[-1][:160]}"
    )


def index_has(args, token):
    url = f"{args.es_url}/drill*/_search?q={token}&size=0"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            hits = json.load(response)["hits"]["total"]
            return (hits["value"] if isinstance(hits, dict) else hits) > 0
    except OSError:
        return False


def outage(env, args, started, results_note):
    offset = max(0.0, (args.duration - args.es_outage) / 2)
    time.sleep(offset)
    log(f"stopping the drill Elasticsearch node for {args.es_outage} s")
    down_at = time.monotonic() - started
    es(env, "stop")
    token = "drilltoken" + secrets.token_hex(4)
    edit_during_outage(env, token)
    time.sleep(max(0.0, args.es_outage - (time.monotonic() - started - down_at)))
    es(env, "start")
    up_at = time.monotonic() - started
    log("the drill Elasticsearch node is back")
    drift = has_command(env, "search_drift")
    catch_up = None
    if drift:
        # search_drift exits non-zero while the index lags: that is the finding.
        subprocess.run([PYTHON, "manage.py", "search_drift"], env=env, cwd=REPO)
        # Queued updates are replayed by search_sync (cron in production).
        subprocess.run([PYTHON, "manage.py", "search_sync"], env=env, cwd=REPO)
    for waited in range(args.catch_up_timeout):
        if index_has(args, token):
            catch_up = waited
            break
        time.sleep(1)
    reindex = None
    if catch_up is None:
        # Nothing repairs the index by itself: time the manual repair.
        begin = time.monotonic()
        subprocess.run(
            [PYTHON, "manage.py", "update_index"],
            env=env,
            cwd=REPO,
            capture_output=True,
            check=False,
        )
        if index_has(args, token):
            reindex = time.monotonic() - begin
    results_note.update(
        {
            "down": down_at,
            "up": up_at,
            "catch_up": catch_up,
            "drift": drift,
            "reindex": reindex,
        }
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database", default="transparenca_drill")
    parser.add_argument("--es-url", default="http://127.0.0.1:9288")
    parser.add_argument("--es-outage", type=int, default=0, metavar="SECONDS")
    parser.add_argument("--catch-up-timeout", type=int, default=60)
    parser.add_argument("--skip-setup", action="store_true")
    args = parser.parse_args()
    if urllib.parse.urlsplit(args.es_url).hostname not in {"127.0.0.1", "localhost"}:
        raise SystemExit("the drill runs on loopback only")
    if args.es_url.rstrip("/").endswith(":9200"):
        raise SystemExit("use a separate node for the drill, not the shared 9200")
    args.clients = min(args.clients, MAX_CLIENTS)
    args.duration = min(args.duration, MAX_DURATION)

    env = drill_env(args)
    server = None
    try:
        if args.skip_setup:
            es(env, "start")
        else:
            setup(env, args)
        server = start_gunicorn(env, args)
        base = f"http://{HOST}:{args.port}"
        mix = traffic_mix(base)
        log("endpoints: " + ", ".join(f"{k} ({len(v)})" for k, v in mix.items()))
        results, note = Results(), {}
        budget = threading.BoundedSemaphore(MAX_REQUESTS)
        started = time.monotonic()
        deadline = started + args.duration
        threads = [
            threading.Thread(
                target=client,
                args=(args.port, mix, deadline, started, results, seed, budget),
            )
            for seed in range(args.clients)
        ]
        if args.es_outage:
            threads.append(
                threading.Thread(target=outage, args=(env, args, started, note))
            )
        log(f"{args.clients} clients for {args.duration} s")
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The load's own span (the outage thread may wait longer for the index).
        elapsed = max((row[0] + row[3] for row in results.rows), default=1.0)
        rows = results.rows
        print(
            f"\n{len(rows)} requests in {elapsed:.0f} s "
            f"({len(rows) / elapsed:.0f} req/s), {args.clients} clients, "
            f"{args.workers} gunicorn workers x 4 threads"
        )
        errors = report(rows, "Whole run")
        if note:
            during = [r for r in rows if note["down"] <= r[0] <= note["up"]]
            report(during, f"During the outage ({note['down']:.0f}-{note['up']:.0f} s)")
            if note["catch_up"] is None:
                print(
                    f"\nThe index did not show the edit made during the outage "
                    f"within {args.catch_up_timeout} s of the restart "
                    f"(search_drift command: {'yes' if note['drift'] else 'no'}); "
                    + (
                        f"a manual update_index restored it in {note['reindex']:.0f} s."
                        if note["reindex"] is not None
                        else "update_index did not restore it either."
                    )
                )
            else:
                print(
                    f"\nThe index showed the outage edit {note['catch_up']} s "
                    "after the restart."
                )
        return 1 if errors else 0
    finally:
        stop_process(server)
        es(env, "stop")


if __name__ == "__main__":
    sys.exit(main())
