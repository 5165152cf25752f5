"""A checkout's production search path, timed on an index of its own mapping.

    git worktree add /tmp/base c21b0c6
    .venv/bin/python bench/checkout_took.py load --repo /tmp/base base_100k
    .venv/bin/python bench/checkout_took.py load --repo . main_100k
    .venv/bin/python bench/checkout_took.py time --repo /tmp/base --index base_100k
    .venv/bin/python bench/checkout_took.py time --repo . --index main_100k

For a change of the mapping or the analyzers, where versus_checkout.py (two
checkouts' bodies on one index) does not apply. `load` builds search_bench's corpus
with the checkout's own bench, mapping and bulk path and prints its docs/s; `time`
runs the checkout's `search.query.two_pass` (term lookup included, as
search_bench.project_took) and a plain `multi_match`, per query in turn, keeping the
fastest `took` of --repeat. Alternate the two checkouts' `time` runs: the machine is
shared, read the ratios.
"""

import argparse
import os
import sys
from pathlib import Path

# This checkout's (bench/ is first on the path before setup() adds the other's).
from versus_checkout import print_ratios


def setup(repo):
    repo = Path(repo).resolve()
    sys.path[:0] = [str(repo), str(repo / "site"), str(repo / "bench")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    import search_bench  # the checkout's own

    from search import backend

    return search_bench, backend.client(timeout=600)


def load(repo, docs, name, unmerged=False):
    bench, es = setup(repo)
    from search import backend, rebuild

    if unmerged and hasattr(rebuild, "merge_segments"):
        rebuild.merge_segments = lambda es, index: None

    if es.indices.exists(index=name):
        es.indices.delete(index=name)
    backend.create_index(es, name)
    bench.load_corpus(es, name, docs)


def time_checkout(repo, index, repeat):
    bench, es = setup(repo)
    queries = [(locale, q) for locale, qs in bench.QUERIES.items() for q in qs]
    best = {query: {"project": 1e9, "plain": 1e9} for query in queries}
    for _ in range(repeat):
        for locale, q in queries:
            row = best[(locale, q)]
            took = bench.project_took(es, index, q, locale)
            row["project"] = min(row["project"], took)
            plain = es.search(index=index, **bench.plain_body(q))["took"]
            row["plain"] = min(row["plain"], plain)
    print_ratios(best, ("project", "plain"))
    for (locale, q), row in best.items():
        print(
            f"  {locale} {q:28} project {row['project']:5.0f} ms  "
            f"plain {row['plain']:4.0f} ms"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    loading = commands.add_parser("load")
    loading.add_argument("--repo", required=True)
    loading.add_argument("--docs", type=int, default=100_000)
    loading.add_argument("name")
    loading.add_argument(
        "--unmerged", action="store_true", help="skip the merge (before round 6)"
    )
    timing = commands.add_parser("time")
    timing.add_argument("--repo", required=True)
    timing.add_argument("--index", required=True)
    timing.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.command == "load":
        load(args.repo, args.docs, args.name, args.unmerged)
    else:
        time_checkout(args.repo, args.index, args.repeat)


if __name__ == "__main__":
    main()
