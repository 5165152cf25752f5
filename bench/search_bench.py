"""Search benchmark: synthetic multilingual corpus, the project's query vs a plain one.

    .venv/bin/python bench/search_bench.py --docs 100000 --requests 200

Loads a corpus into its own index (alias `bench_<pid>_transparency`) through the
rebuild's bulk path and prints its docs/s; then, for the same index and queries, the
project's query `took` p50/p95 next to a plain `multi_match` over title/summary/body
(and their ratio); then /api/search/ under gunicorn, the project's query sent straight
to Elasticsearch and the plain query, each at 1 and 16 concurrent clients with p50/p95
and throughput. The machine is shared: read the ratios, not only the milliseconds.
Every loop is bounded in count and time; everything stays on 127.0.0.1. The index is
deleted at the end.
"""

import argparse
import itertools
import os
import random
import signal
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
    """The corpus: pages in the site's languages, 30 % of them another
    language's version of the page before (one group, at most one version
    per language, as Wagtail keeps them), and attachments (their own group,
    no page_id, one per language like the page they hang on: search/indexing.py)."""
    # The type keys the search API accepts (imported once Django is set up).
    from core.search_registry import DOCUMENT_KEY
    from search.facets import group_fields
    from search.query import TYPES

    rng = random.Random(seed)
    group, versions = None, set()
    for number in range(count):
        kind = rng.choice(TYPES)
        if group and kind != DOCUMENT_KEY and rng.random() < 0.3:
            others = [code for code in SEEDS if code not in versions]
            locale = rng.choice(others or list(SEEDS))
            if not others:
                group, versions = f"bench:{number}", set()
        else:
            locale = rng.choice(["sq", "sq", "sr", "tr", "en"])
            group, versions = f"bench:{number}", set()
        if kind == DOCUMENT_KEY:
            own_group, page_id = f"document:{number}", None
            group = None
        else:
            own_group, page_id = group, number
            versions.add(locale)
        year = rng.randint(2012, 2026)
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = words(rng, locale, rng.randint(5, 12)).capitalize()
        summary = words(rng, locale, rng.randint(15, 40))
        body = words(rng, locale, rng.randint(80, 400))
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": f"bench-{number}",
            "type": kind,
            "locale": locale,
            **group_fields(own_group, repeatable=False),
            "translation_key": own_group,
            "page_id": page_id,
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
            if kind == DOCUMENT_KEY
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


def load_corpus(es, index, count):
    """The corpus through the rebuild's own bulk path, so docs/s is the
    rebuild's (search/rebuild.py), not a bench-only loader.

    The corpus is built before the clock starts: generated inside the load it
    took a third of a core (2,983 docs/s alone) from a two-core node, and the
    load's docs/s measured the generator as much as the bulk path. The real
    rebuild's own document building is timed on the demo site instead
    (`bench/rebuild_bench.py --site-pages`)."""
    from search import rebuild

    started = time.monotonic()
    corpus = list(documents(count, index))
    generated = time.monotonic() - started
    print(
        f"corpus generated in {generated:.1f} s = {count / generated:.0f} docs/s "
        "(not part of the load below)"
    )
    started = time.monotonic()
    if hasattr(rebuild, "bulk_load"):
        indexed, _errors = rebuild.bulk_load(es, index, corpus)
    else:  # the code before issue 15: one serial bulk of 200 and a refresh
        from elasticsearch import helpers

        indexed, _errors = helpers.bulk(
            es, corpus, chunk_size=200, raise_on_error=False
        )
        es.indices.refresh(index=index)
    elapsed = time.monotonic() - started
    del corpus
    stats = es.indices.stats(index=index)["_all"]["primaries"]
    size = stats["store"]["size_in_bytes"]
    print(
        f"rebuild bulk: {indexed} docs in {elapsed:.1f} s = "
        f"{indexed / elapsed:.0f} docs/s; index {size / 1e6:.0f} MB; with the "
        f"generation {indexed / (elapsed + generated):.0f} docs/s"
    )
    # What search.rebuild.rebuild does once the new index answers (round 6).
    segments = stats["segments"]["count"]
    if hasattr(rebuild, "merge_segments"):
        started = time.monotonic()
        rebuild.merge_segments(es, index)
        merging = time.monotonic() - started
        es.indices.refresh(index=index)
        merged = es.indices.stats(index=index, metric="segments")["_all"]
        print(
            f"  {segments} segment(s) after the load, "
            f"{merged['primaries']['segments']['count']} after merging them in "
            f"{merging:.1f} s: {indexed / (elapsed + merging):.0f} docs/s to a "
            "merged index"
        )


def start_server(prefix, workers, threads):
    port = free_port()
    env = {
        **os.environ,
        "SEARCH_INDEX_PREFIX": prefix,
        # Every bench request says its own address (see api() below): the
        # per-address limit must not turn the measurement into 429s.
        "RATE_LIMIT_TRUST_X_FORWARDED_FOR": "1",
    }
    server = subprocess.Popen(
        [
            str(REPO / ".venv" / "bin" / "gunicorn"),
            "portal.wsgi",
            "--chdir",
            str(REPO / "site"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],  # fmt: skip
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/search/suggest/?q=ab", timeout=2)  # noqa: S310
            return server, base
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def project_took(es, alias, q, locale, variant=None):
    """The project's search as search.query.search sends it (one or two
    passes of one msearch each, search.query.two_pass; one body before issue
    15): the `took` of every request it sent, summed. `variant` is a key of
    VARIANTS (None: the production setting)."""
    from search import query

    params = query.parse_params({"q": q}, locale)
    took = []

    if not hasattr(query, "requests"):  # before the second round: one body

        def ask(body):
            response = es.search(index=alias, **body)
            took.append(response["took"])
            return response

        if hasattr(query, "two_pass"):
            query.two_pass(ask, params)
        else:
            ask(query.build_body(params))
        return sum(took)

    options, cache = VARIANTS[variant] if variant else (query.DEFAULT, None)

    def ask_all(bodies):
        responses = query.msearch(es, alias, bodies, request_cache=cache)
        took.extend(response["took"] for response in responses)
        return responses

    def lookup(**request):
        # The term statistics that can skip a hopeless exact pass (issue 15,
        # third round): their `took` counts as the passes' does.
        answer = es.termvectors(index=alias, **request)
        took.append(answer.get("took", 0))
        return answer

    if hasattr(query, "untrusted_for_sure"):
        query.two_pass(ask_all, params, options, lookup=lookup)
    else:  # before the third round
        query.two_pass(ask_all, params, options)
    return sum(took)


def variants():
    """{name: (QueryOptions, request_cache)}: the body before the second
    round; the production body of rounds 2 to 4 (the scoring clauses as a
    rescore); the production setting (search.dsl.DEFAULT: also the rescore and
    highlighting of the chosen language's fields only and the repeated
    forgiving match folded, round 5); and the counts apart with the request
    cache (counts apart without it was slower: rounds 2 and 3)."""
    from dataclasses import replace

    from search.dsl import DEFAULT

    every_field = replace(
        DEFAULT, chosen_language_fields=False, fold_repeated_match=False
    )
    return {
        "before": (replace(every_field, rescore=False), None),
        "rescore (rounds 2-4)": (every_field, None),
        "production": (DEFAULT, None),
        "counts apart + cache": (replace(DEFAULT, counts_apart=True), None),
    }


VARIANTS = {}


def plain_body(q):
    """The baseline: one multi_match over the text fields, nothing else."""
    return {
        "query": {
            "multi_match": {
                "query": q.replace('"', ""),
                "fields": ["title_*", "summary_*", "body_*"],
            }
        },
        "size": 10,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per measurement")
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=8, help="threads per worker")
    parser.add_argument(
        "--variant",
        action="store_true",
        help="time every body variant (VARIANTS) side by side, interleaved",
    )
    parser.add_argument(
        "--no-load", action="store_true", help="only the `took` lines, no API"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="with --variant: every query N times, its fastest `took` kept",
    )
    parser.add_argument(
        "--unmerged",
        action="store_true",
        help="leave the load's segments unmerged (the rebuild before round 6)",
    )
    args = parser.parse_args()

    import django

    prefix = f"bench_{os.getpid()}"
    os.environ["SEARCH_INDEX_PREFIX"] = prefix
    django.setup()
    from django.conf import settings

    from search import backend

    assert prefix == settings.SEARCH_INDEX_PREFIX  # noqa: S101
    if args.unmerged:
        from search import rebuild

        rebuild.merge_segments = lambda es, index: None
    es = backend.client(timeout=120)
    index = backend.new_index_name()
    backend.create_index(es, index)
    server = None
    try:
        load_corpus(es, index, args.docs)
        es.indices.put_alias(index=index, name=backend.alias_name())
        alias = backend.alias_name()

        rng = random.Random(7)
        mix = [(rng.choice(list(QUERIES)), None) for _ in range(args.requests)]
        mix = [(locale, rng.choice(QUERIES[locale])) for locale, _ in mix]

        # `took` side by side: the project's body and a plain match, same
        # queries, interleaved (every variant of the body with --variant).
        VARIANTS.update(variants() if args.variant else {})
        # With --variant, "production" is the production setting: the
        # "project" line is not sent a second time.
        took = {"project": [], **{name: [] for name in VARIANTS}, "plain": []}
        if args.repeat > 1:
            # A busy machine: each of the 16 queries `repeat` times per line,
            # interleaved, keeping its fastest `took` (queueing only adds).
            mix = [(loc, q) for loc, qs in QUERIES.items() for q in qs]
            fastest = {name: [] for name in took}
            for _ in range(args.repeat):
                for name in fastest:
                    fastest[name].append([])
                for locale, q in mix:
                    for name in VARIANTS:
                        fastest[name][-1].append(
                            project_took(es, alias, q, locale, name)
                        )
                    plain = es.search(index=alias, **plain_body(q))["took"]
                    fastest["plain"][-1].append(plain)
            for name in [*VARIANTS, "plain"]:
                took[name] = [
                    min(runs) / 1000 for runs in zip(*fastest[name], strict=True)
                ]
            mix = []
        for locale, q in mix:
            if not VARIANTS:
                took["project"].append(project_took(es, alias, q, locale) / 1000)
            for name in VARIANTS:
                took[name].append(project_took(es, alias, q, locale, name) / 1000)
            took["plain"].append(es.search(index=alias, **plain_body(q))["took"] / 1000)
        if VARIANTS:
            took.pop("project")
        for label, samples in took.items():
            print(f"{'took ' + label:28} c=1: {percentiles(samples)}")
        for label in [name for name in took if name != "plain"]:
            ratios = [
                quantile(took[label], p) / max(quantile(took["plain"], p), 1e-3)
                for p in (0.50, 0.95)
            ]
            print(
                f"took ratio {label + '/plain':28} "
                f"p50 {ratios[0]:5.1f}x  p95 {ratios[1]:5.1f}x"
            )
        if args.no_load:
            return

        server, base = start_server(prefix, args.workers, args.threads)
        counter = itertools.count(1)

        def api(item):
            locale, q = item
            query = urllib.parse.urlencode({"q": q, "locale": locale})
            number = next(counter)
            request = urllib.request.Request(
                f"{base}/api/search/?{query}",
                headers={"X-Forwarded-For": f"10.{number >> 16 & 255}."
                         f"{number >> 8 & 255}.{number & 255}"},
            )  # fmt: skip
            with urllib.request.urlopen(request, timeout=30) as r:  # noqa: S310
                assert r.status == 200  # noqa: S101
                r.read()

        def direct(item):
            project_took(es, alias, item[1], item[0])

        def before(item):
            project_took(es, alias, item[1], item[0], "before")

        def plain(item):
            es.search(index=alias, **plain_body(item[1]))

        lines = [("/api/search/", api), ("project query direct", direct)]
        if args.variant:
            lines.append(("before, direct", before))
        for label, function in (*lines, ("plain multi_match", plain)):
            for concurrency in (1, 16):
                started = time.monotonic()
                samples, failures = timed_calls(
                    function, mix, concurrency, args.max_seconds
                )
                rate = len(samples) / (time.monotonic() - started)
                print(
                    f"{label:22} c={concurrency:<2}: {percentiles(samples)} "
                    f"{rate:6.1f} req/s failures {failures}"
                )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
        es.indices.delete(index=f"{prefix}_transparency*", ignore_unavailable=True)
        es.close()


def quantile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


if __name__ == "__main__":
    main()
