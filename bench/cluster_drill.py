"""A node lost under load: search clients and publishing while one node of the
three-node cluster is killed (SIGKILL) and started again.

    .venv/bin/python bench/cluster_drill.py [--seconds 90] [--kill-after 20] \
        [--down-for 30] [--searchers 8] [--search-timeout 3]

Starts the cluster with `scripts/elasticsearch cluster-start` unless it answers
(and leaves it running then), indexes the evaluation set's pages into an index
with SEARCH_SHARDS=3, SEARCH_REPLICAS=1, then prints the searches that failed,
the acknowledged updates missing at the end, and the time back to green.
tests/search/test_cluster.py runs a short form of the same drill.

The searches and updates go through the product (search.query.search and
search.backend.call with the three nodes in ELASTICSEARCH_URL): its client is
given every node and retries a request on another node when one does not
answer, which is what survives the loss (a client pinned to one node fails
with it). Only the set-up and the final checks use the drill's own client.
"""

import argparse
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "elasticsearch"
NODES = 3
HTTP_BASE = 9210
INDEX = "drill_transparency"


def urls():
    return [f"http://127.0.0.1:{HTTP_BASE + n}" for n in range(1, NODES + 1)]


def client(timeout=30):
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        urls(),
        request_timeout=timeout,
        max_retries=NODES + 1,
        retry_on_timeout=True,
        retry_on_status=(502, 503, 504),
    )


def script(command, *args, env=None):
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        [str(SCRIPT), command, *map(str, args)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode:
        raise RuntimeError(f"scripts/elasticsearch {command}: {done.stderr[-2000:]}")
    return done


def cluster_answers():
    es = client(timeout=3)
    try:
        return es.cluster.health()["number_of_nodes"] == NODES
    except Exception:  # noqa: BLE001 - not up is an answer here
        return False
    finally:
        es.close()


def create_index(es, pages):
    from django.test import override_settings
    from elasticsearch import helpers

    from search.analysis import index_mappings, index_settings
    from tests.search.eval.harness import project_source

    es.indices.delete(index=INDEX, ignore_unavailable=True)
    with override_settings(SEARCH_SHARDS=3, SEARCH_REPLICAS=1):
        es.indices.create(
            index=INDEX, settings=index_settings(), mappings=index_mappings()
        )
    helpers.bulk(
        es, ({"_index": INDEX, "_id": p["id"], **project_source(p)} for p in pages)
    )
    es.indices.refresh(index=INDEX)
    es.cluster.health(index=INDEX, wait_for_status="green", timeout="120s")


class Drill:
    """Searchers and a publisher running until `stop`; counts everything.

    Both go through the product: a citizen's search is search.query.search()
    (backend.call, the search breaker, the kept client, SEARCH_TIMEOUT), an
    editor's update is backend.call with the index budget (INDEX_TIMEOUT, the
    index breaker). What fails here fails for a citizen."""

    def __init__(self, queries, pages, searchers):
        self.queries, self.pages, self.searchers = queries, pages, searchers
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.searches = self.failed = 0
        self.latencies, self.errors = [], []
        self.acknowledged, self.retried = [], 0
        self.began = time.monotonic()

    def failure(self, started, error):
        # When, how long it took, and why: the cause under SearchUnavailable.
        cause = error.__cause__ or error
        at, took = started - self.began, time.monotonic() - started
        self.errors.append(f"at {at:.1f} s after {took:.1f} s: {cause!r}"[:400])

    def search_loop(self, offset):
        from search.backend import SearchUnavailable
        from search.query import parse_params, search

        i = offset
        while not self.stopping.is_set():
            query = self.queries[i % len(self.queries)]
            i += self.searchers
            started = time.monotonic()
            try:
                search(parse_params({"q": query["q"]}, query["locale"]))
                ok = True
            except SearchUnavailable as error:  # the degraded search would answer
                ok = False
                self.failure(started, error)
            with self.lock:
                self.searches += 1
                self.latencies.append(time.monotonic() - started)
                self.failed += not ok

    def publish_loop(self):
        """One page at a time, as editors publish; a refused write stays queued
        and is retried, as search_sync retries PendingIndexUpdate rows."""
        from search import backend
        from tests.search.eval.harness import project_source

        queue = list(self.pages)
        while queue and not self.stopping.is_set():
            page = queue[0]
            doc_id = f"published-{page['id']}"
            source = {**project_source(page), "title": f"{page['title']} (2)"}
            try:
                backend.call(
                    lambda es, i=doc_id, d=source: es.index(
                        index=INDEX, id=i, document=d
                    )
                )
            except backend.SearchUnavailable:
                self.retried += 1
                time.sleep(0.5)
                continue
            self.acknowledged.append(doc_id)
            queue.pop(0)
            time.sleep(0.05)

    def start(self):
        self.began = time.monotonic()
        self.threads = [
            threading.Thread(target=self.search_loop, args=(n,), daemon=True)
            for n in range(self.searchers)
        ] + [threading.Thread(target=self.publish_loop, daemon=True)]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def lost(self, es):
        es.indices.refresh(index=INDEX)
        found = set()
        ids = self.acknowledged
        for start in range(0, len(ids), 500):
            docs = es.mget(index=INDEX, ids=ids[start : start + 500], _source=False)
            found |= {doc["_id"] for doc in docs["docs"] if doc.get("found")}
        return [doc_id for doc_id in ids if doc_id not in found]


class PartialAnswers(logging.Handler):
    """Counts the partial answers backend.call asked again (its warning)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += record.getMessage().startswith("Partial search answer")


def wait_green(es, limit=300):
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            health = es.cluster.health(wait_for_status="green", timeout="2s")
            if health["status"] == "green" and health["number_of_nodes"] == NODES:
                return time.monotonic() - started
        except Exception:  # noqa: BLE001 - still coming back
            time.sleep(1)
    return None


def warm_up(queries):
    """Each query once, uncounted, with a patient client: a fresh index's
    first searches load its terms and the JIT's code (they took 8-9 s here),
    which is a cold start, not the loss of a node."""
    from search.query import build_body, parse_params

    es = client(timeout=60)
    for query in queries:
        es.search(
            index=INDEX, **build_body(parse_params({"q": query["q"]}, query["locale"]))
        )
    es.close()


def run(pages, queries, seconds, kill_after, down_for, searchers, victim=2,
        env=None, out=print, search_timeout=None):  # fmt: skip
    """The drill; returns its numbers. The cluster must be up.

    `search_timeout` replaces backend.SEARCH_TIMEOUT (3 s, one attempt on one
    node) for the drill: on a machine where even the healthy cluster answers
    slower than that, the drill would measure the machine, not the loss."""
    from django.test import override_settings

    from search import backend

    es = client(timeout=120)
    initial, later = pages[: len(pages) // 2], pages[len(pages) // 2 :]
    create_index(es, initial)
    warm_up(queries)
    drill = Drill(queries, later, searchers)
    partial = PartialAnswers()
    backend.logger.addHandler(partial)
    # The product's searches and updates against the three nodes and the
    # drill's index (alias_name() is "<prefix>_transparency").
    product = override_settings(
        ELASTICSEARCH_URL=",".join(urls()),
        SEARCH_INDEX_PREFIX=INDEX.removesuffix("_transparency"),
    )
    product.enable()
    budget = backend.SEARCH_TIMEOUT
    backend.SEARCH_TIMEOUT = search_timeout or budget
    backend.reset_breakers()
    try:
        drill.start()
        time.sleep(kill_after)
        script("cluster-kill", victim, env=env)
        killed_at = time.monotonic() - drill.began
        out(f"killed node {victim} at {killed_at:.0f} s")
        time.sleep(down_for)
        restart = time.monotonic()
        script("cluster-start", env=env)
        green = wait_green(es)
        back = time.monotonic() - restart
        out(f"node {victim} restarted; green {back:.0f} s after the restart began")
        time.sleep(max(0, seconds - (time.monotonic() - drill.began)))
    finally:
        drill.stop()
        backend.SEARCH_TIMEOUT = budget
        product.disable()
        backend.logger.removeHandler(partial)
        backend.reset_breakers()
    lost = drill.lost(es)
    latencies = sorted(drill.latencies) or [0]
    result = {
        "search_timeout_s": search_timeout or budget,
        "searches": drill.searches,
        "failed_searches": drill.failed,
        "partial_retried": partial.count,
        "published": len(drill.acknowledged),
        "write_retries": drill.retried,
        "lost_updates": len(lost),
        "killed_at": round(killed_at, 1),
        "time_to_green": None if green is None else round(back, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000),
        "max_ms": round(latencies[-1] * 1000),
        "errors": drill.errors[:10],
    }
    es.indices.delete(index=INDEX, ignore_unavailable=True)
    es.close()
    return result


def main():
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()

    # Every retry on the dead node is logged otherwise; the counts say it all.
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    from tests.search.eval import harness

    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--kill-after", type=float, default=20)
    parser.add_argument("--down-for", type=float, default=30)
    parser.add_argument("--searchers", type=int, default=8)
    parser.add_argument(
        "--search-timeout", type=float, help="seconds per attempt (default: 3)"
    )
    args = parser.parse_args()
    if not cluster_answers():
        started = time.monotonic()
        script("cluster-start")
        print(f"cluster started in {time.monotonic() - started:.0f} s")
    result = run(harness.pages(), harness.queries(), args.seconds, args.kill_after,
                 args.down_for, args.searchers,
                 search_timeout=args.search_timeout)  # fmt: skip
    for key, value in result.items():
        print(f"{key:16} {value}")


if __name__ == "__main__":
    main()
