"""Another checkout's search bodies against this one's, side by side on one index.

    .venv/bin/python bench/versus_checkout.py dump --repo /tmp/base base.json
    .venv/bin/python bench/versus_checkout.py compare base.json --index exp2_100000

`dump` imports `search` from the checkout at --repo (say `git worktree add /tmp/base
c59afab`) and writes the bodies its two passes send for search_bench's 16 queries:
the exact pass and the fuzzy pass. `compare` times, per query in turn and the fastest
of --repeat, that checkout's search (its exact pass, and its fuzzy pass when its own
rule says so: fewer than 10 groups, or a first hit that did not match `precise`)
against this checkout's (search_bench.project_took, the production path) and a plain
`multi_match`, on an index that already exists (search_bench's corpus; it is not
changed). The machine is shared: read the ratios, from one run.
"""

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def setup(repo):
    sys.path[:0] = [str(repo), str(repo / "site"), str(REPO / "bench")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def dump(repo, out):
    setup(Path(repo).resolve())
    import search_bench  # only its queries

    from search import dsl, query  # the other checkout's (django.setup loaded it)

    bodies = {}
    for locale, queries in search_bench.QUERIES.items():
        for q in queries:
            params = query.parse_params({"q": q}, locale)
            bodies[f"{locale}|{q}"] = {
                "exact": query.requests(params, dsl.EXACT),
                "fuzzy": query.requests(params, dsl.DEFAULT),
            }
    Path(out).write_text(json.dumps(bodies))


def quantile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def print_ratios(best, names):
    """Per name, p50/p95 over the queries' fastest `took` ({query: {name: ms}})
    and their ratio to the plain match's."""
    plain = [row["plain"] for row in best.values()]
    for name in names:
        samples = [row[name] for row in best.values()]
        ratios = [
            quantile(samples, p) / max(quantile(plain, p), 1) for p in (0.5, 0.95)
        ]
        print(
            f"{name:8} p50 {quantile(samples, 0.5):5.0f} ms  "
            f"p95 {quantile(samples, 0.95):5.0f} ms  "
            f"ratio to plain p50 {ratios[0]:5.1f}x  p95 {ratios[1]:5.1f}x  "
            f"sum {sum(samples):6.0f} ms"
        )


def compare(base_file, index, repeat):
    setup(REPO)
    import search_bench

    from search import backend, query

    es = backend.client(timeout=300)
    base = json.loads(Path(base_file).read_text())

    def took(bodies):
        responses = query.msearch(es, index, bodies, request_cache=False)
        return sum(r["took"] for r in responses), responses[0]

    def base_search(key):
        spent, first = took(base[key]["exact"])
        total = first.get("aggregations", {}).get("total", {})
        groups = total.get("groups", {}).get("value", 0)
        top = first["hits"]["hits"][:1]
        if groups >= 10 and all("precise" in h.get("matched_queries", ()) for h in top):
            return spent, False
        return spent + took(base[key]["fuzzy"])[0], True

    best = {}
    for _ in range(repeat):
        for key in base:
            locale, q = key.split("|", 1)
            before, two = base_search(key)
            now = search_bench.project_took(es, index, q, locale)
            plain = es.search(index=index, **search_bench.plain_body(q))["took"]
            row = best.setdefault(key, {"base": 1e9, "now": 1e9, "plain": 1e9})
            row["two"] = two
            for name, value in (("base", before), ("now", now), ("plain", plain)):
                row[name] = min(row[name], value)
    print_ratios(best, ("base", "now", "plain"))
    for key, row in best.items():
        passes = "2 passes" if row["two"] else "1 pass  "
        print(
            f"  {key:28} base {row['base']:5.0f} ms ({passes})  "
            f"now {row['now']:5.0f} ms  plain {row['plain']:4.0f} ms"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("--repo", required=True)
    dumping.add_argument("out")
    comparing = commands.add_parser("compare")
    comparing.add_argument("base")
    comparing.add_argument("--index", required=True)
    comparing.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.repo, args.out)
    else:
        compare(args.base, args.index, args.repeat)


if __name__ == "__main__":
    main()
