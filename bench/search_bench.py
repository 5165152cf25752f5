"""Search benchmark: synthetic multilingual corpus, API and Elasticsearch latency.

    .venv/bin/python bench/search_bench.py --docs 100000 --requests 200

Builds a corpus straight into its own index (alias `bench_<pid>_transparency`), starts
gunicorn on a loopback port with that prefix, and measures /api/search/ and
/api/search/suggest/ at concurrency 1 and 8, the same queries sent straight to
Elasticsearch, and Wagtail's database search on the demo database. Every loop is
bounded in count and time; everything stays on 127.0.0.1. The index is deleted at the
end.
"""

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
# The database search measured below reads the index `update_index` fills for it.
os.environ.setdefault("WAGTAIL_SEARCH_BACKEND", "database")

SEEDS = {
    "sq": "vendim buxhet komunë kuvend rregullore taksë tarifë konkurs mësimdhënës "
    "shkollë rrugë asfaltim ujësjellës fshat lagje drejtori financa arsim shëndetësi "
    "bujqësi fermer subvencion bursë student njoftim komunikatë seancë procesverbal "
    "miratim plan zhvillim transparencë qytetar kryetar këshill siguri ndriçim publik",
    "sr": "odluka budžet opština skupština uredba taksa naknada konkurs nastavnik "
    "škola ulica asfaltiranje vodovod selo naselje direkcija finansije obrazovanje "
    "zdravstvo poljoprivreda subvencija stipendija obaveštenje saopštenje sednica "
    "zapisnik usvajanje plan razvoj transparentnost građanin predsednik savet",
    "tr": "karar bütçe belediye meclis yönetmelik vergi harç ilan öğretmen okul yol "
    "asfalt su köy mahalle müdürlük finans eğitim sağlık tarım çiftçi destek burs "
    "öğrenci duyuru bülten oturum tutanak kabul plan kalkınma şeffaflık vatandaş "
    "başkan ışıklandırma ihale",
    "en": "decision budget municipality assembly regulation tax fee competition "
    "teacher "
    "school road asphalt water village neighbourhood directorate finance education "
    "health agriculture farmer subsidy scholarship student notice press session "
    "minutes approval plan development transparency citizen mayor council lighting",
}
QUERIES = {
    "sq": [
        "vendimi per buxhetin",
        "konkurs mesimdhenes",
        '"ujësjellës fshat"',
        "bxuhet",
    ],
    "sr": ["odluka o budžetu", "одлука буџет", "konkurs nastavnik", "vodovod selo"],
    "tr": ["bütçe kararı", "ihale ilanı", "okul öğretmen", "IŞIKLANDIRMA"],
    "en": ["budget decision", "school teacher", "water village", "scholarships"],
}
SUGGEST = ["vend", "odl", "büt", "budg", "konk", "01-0"]


def words(rng, locale, count):
    vocabulary = SEEDS[locale].split()
    # Zipf-like: a few words often, most rarely; plus invented rare ones.
    out = []
    for _ in range(count):
        if rng.random() < 0.15:
            out.append("".join(rng.choice("aeioubdfgjklmnprstvz") for _ in range(7)))
        else:
            out.append(
                vocabulary[min(int(rng.paretovariate(1.2)) - 1, len(vocabulary) - 1)]
            )
    return " ".join(out)


def documents(count, index, seed=2018):
    # The type keys the search API accepts (imported once Django is set up).
    from search.query import TYPES

    rng = random.Random(seed)
    for number in range(count):
        locale = rng.choice(["sq", "sq", "sr", "tr", "en"])
        kind = rng.choice(TYPES)
        year = rng.randint(2012, 2026)
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = words(rng, locale, rng.randint(5, 12)).capitalize()
        summary = words(rng, locale, rng.randint(15, 40))
        body = words(rng, locale, rng.randint(80, 400))
        group = f"bench:{number // 2 if rng.random() < 0.3 else number}"
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": f"bench-{number}",
            "type": kind,
            "locale": locale,
            "group": group,
            "translation_key": group,
            "page_id": number,
            "parent_page": number,
            "title": title,
            "summary": summary,
            "spell": f"{title} {summary}",
            "url": f"/{locale}/bench/{number}/",
            "date": day,
            "key_date": day,
            "year": year,
            "department": f"dept-{rng.randint(1, 8)}",
            "department_key": f"dept-{rng.randint(1, 8)}",
            "reference_number": f"01-{number % 1000:03d}/{year % 100:02d}",
            "reference_display": f"01-{number % 1000:03d}/{year % 100:02d}",
            "tags": [],
            "languages": [],
            f"title_{locale}": title,
            f"summary_{locale}": summary,
            f"body_{locale}": body,
            f"attachments_{locale}": words(rng, locale, 200)
            if kind == "document"
            else "",
        }


def percentiles(samples):
    if not samples:
        return "no samples"
    ordered = sorted(samples)

    def at(p):
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return (
        f"p50 {at(0.50):7.1f} ms  p95 {at(0.95):7.1f} ms  p99 {at(0.99):7.1f} ms  "
        f"(n={len(samples)}, mean {statistics.mean(samples) * 1000:.1f} ms)"
    )


def timed_calls(call, arguments, concurrency, max_seconds):
    """Run call(arg) for each argument with `concurrency` threads; bounded in time."""
    deadline = time.monotonic() + max_seconds
    samples, failures = [], 0

    def one(argument):
        if time.monotonic() > deadline:
            return None
        started = time.monotonic()
        call(argument)
        return time.monotonic() - started

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for result in pool.map(lambda a: _safe(one, a), arguments):
            if result is None:
                continue
            if isinstance(result, Exception):
                failures += 1
            else:
                samples.append(result)
    return samples, failures


def _safe(function, argument):
    try:
        return function(argument)
    except Exception as error:  # noqa: BLE001 - counted as a failure
        return error


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per measurement")
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()

    import django

    prefix = f"bench_{os.getpid()}"
    os.environ["SEARCH_INDEX_PREFIX"] = prefix
    django.setup()
    from django.conf import settings
    from elasticsearch import helpers

    from search import backend
    from search.query import build_body, parse_params

    assert prefix == settings.SEARCH_INDEX_PREFIX  # noqa: S101
    es = backend.client(timeout=120)
    index = backend.new_index_name()
    backend.create_index(es, index)
    es.indices.put_settings(index=index, settings={"index": {"refresh_interval": "-1"}})
    server = None
    try:
        started = time.monotonic()
        indexed = 0
        for ok, _item in helpers.streaming_bulk(
            es, documents(args.docs, index), chunk_size=1000, raise_on_error=False
        ):
            indexed += ok
        es.indices.put_settings(
            index=index, settings={"index": {"refresh_interval": "1s"}}
        )
        es.indices.refresh(index=index)
        elapsed = time.monotonic() - started
        size = es.indices.stats(index=index)["_all"]["primaries"]["store"][
            "size_in_bytes"
        ]
        print(
            f"bulk indexing: {indexed} docs in {elapsed:.1f} s = "
            f"{indexed / elapsed:.0f} docs/s; index {size / 1e6:.0f} MB"
        )
        es.indices.put_alias(index=index, name=backend.alias_name())

        rng = random.Random(7)
        mix = [(rng.choice(list(QUERIES)), None) for _ in range(args.requests)]
        mix = [(locale, rng.choice(QUERIES[locale])) for locale, _ in mix]

        port = free_port()
        env = {**os.environ, "SEARCH_INDEX_PREFIX": prefix, "DEBUG": "0"}
        # Django's threaded development server: no extra dependency; a production
        # WSGI server would do better at c=8.
        server = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "manage.py"),
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],  # fmt: skip
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/api/search/suggest/?q=ab", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.3)

        def api(item):
            locale, q = item
            query = urllib.parse.urlencode({"q": q, "locale": locale})
            with urllib.request.urlopen(f"{base}/api/search/?{query}", timeout=10) as r:  # noqa: S310
                assert r.status == 200  # noqa: S101
                r.read()

        def suggest(q):
            query = urllib.parse.urlencode({"q": q})
            with urllib.request.urlopen(
                f"{base}/api/search/suggest/?{query}", timeout=10
            ) as r:  # noqa: S310
                r.read()

        def direct(item):
            locale, q = item
            es.search(
                index=backend.alias_name(), **build_body(parse_params({"q": q}, locale))
            )

        for label, function, items in (
            ("/api/search/", api, mix),
            ("/api/search/suggest/", suggest, [rng.choice(SUGGEST) for _ in mix]),
            ("Elasticsearch direct", direct, mix),
        ):
            for concurrency in (1, 8):
                samples, failures = timed_calls(
                    function, items, concurrency, args.max_seconds
                )
                summary = percentiles(samples)
                print(f"{label:22} c={concurrency}: {summary} failures {failures}")

        from wagtail.models import Page
        from wagtail.search.backends import get_search_backend

        database = get_search_backend("wagtail.search.backends.database")
        pages = Page.objects.live()

        def wagtail_db(item):
            list(database.search(item[1].replace('"', ""), pages)[:20])

        samples, failures = timed_calls(wagtail_db, mix, 1, args.max_seconds)
        print(
            f"{'Wagtail database search':22} c=1 on {pages.count()} pages: "
            f"{percentiles(samples)} failures {failures}"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        es.indices.delete(index=f"{prefix}_transparency*", ignore_unavailable=True)
        es.close()


if __name__ == "__main__":
    main()
