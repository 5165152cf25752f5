"""Highlighting long extracted texts: the production cap vs none vs no highlight.

    .venv/bin/python bench/highlight_bench.py [--docs 40] [--chars 200000]

Indexes `--docs` attachments whose text is `--chars` characters of sentences
from a 5,000-word vocabulary (the query's word 20 times in each, anywhere) into
an index of its own, then times the project's exact-pass body for that word,
fastest `took` of five, with highlighting capped at
search.highlight.HIGHLIGHT_CHARS (production), uncapped, and off; interleaved,
so the ratios come from one run. The index is deleted at the end.
"""

import argparse
import copy
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def text(rng, chars, word):
    vocabulary = [
        "".join(rng.choice("aeioubdfgjklmnprstvz") for _ in range(rng.randint(3, 10)))
        for _ in range(5000)
    ]
    words = [rng.choice(vocabulary) for _ in range(chars // 7)]
    for _ in range(20):
        words[rng.randrange(len(words))] = word
    sentences = (
        " ".join(words[start : start + 15]).capitalize() + "."
        for start in range(0, len(words), 15)
    )
    return " ".join(sentences)[:chars]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args()
    os.environ["SEARCH_INDEX_PREFIX"] = f"highlight_bench_{os.getpid()}"
    import django

    django.setup()
    from search import backend, dsl, query
    from search.highlight import HIGHLIGHT_CHARS

    es = backend.client(timeout=120)
    name = backend.new_index_name()
    backend.create_index(es, name)
    try:
        rng = random.Random(1)
        for number in range(args.docs):
            es.index(
                index=name,
                id=f"document-{number}",
                document={
                    "type": "document",
                    "locale": "sq",
                    "group": f"document:{number}",
                    "title": f"Buxheti {number}.pdf",
                    "title_sq": f"Buxheti {number}.pdf",
                    "summary": "Vendim i kuvendit",
                    "attachments_sq": text(rng, args.chars, "ndriçimi"),
                    "year": 2020,
                },
            )
        es.indices.refresh(index=name)
        body = dsl.build_body(query.parse_params({"q": "ndriçimi"}, "sq"), dsl.EXACT)
        uncapped = copy.deepcopy(body)
        uncapped["highlight"].pop("max_analyzed_offset")
        off = copy.deepcopy(body)
        off.pop("highlight")
        bodies = {
            f"capped at {HIGHLIGHT_CHARS:,} (production)": body,
            "uncapped": uncapped,
            "no highlight": off,
        }
        took = {label: [] for label in bodies}
        for _ in range(5):
            for label, sent in bodies.items():
                took[label].append(es.search(index=name, **sent)["took"])
        base = min(took["no highlight"]) or 1
        print(f"{args.docs} attachments of {args.chars:,} characters, 10 hits a page")
        for label, samples in took.items():
            fastest = min(samples)
            print(f"  {label:32} took {fastest:6} ms  ({fastest / base:5.1f}x)")
    finally:
        es.indices.delete(index=name, ignore_unavailable=True)


if __name__ == "__main__":
    main()
