"""Index the evaluation set and score a search over it (bench and test share this).

Two indices over the same pages: the project's (its analysis settings, and the
query `/api/search/` sends, built by `search.query.build_body`) and a plain one
(`standard` analyzer, `multi_match` over title/summary/body).

Per query: recall@5 = share of the answering items among the first five
results (items, not language versions: the project collapses a page's
translations into one result), reciprocal rank of the first answer, and
whether anything came back at all.
"""

import json
from pathlib import Path

from elasticsearch import helpers

from search.analysis import index_mappings, index_settings
from search.indexing import normalise_reference
from search.query import build_body, parse_params

HERE = Path(__file__).resolve().parent
KINDS = ["short", "long", "paraphrase", "other_script", "no_diacritics", "typo",
         "reference"]  # fmt: skip
PLAIN_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}
PLAIN_MAPPINGS = {
    "properties": {
        "group": {"type": "keyword"},
        **{
            name: {"type": "text", "analyzer": "standard"}
            for name in ("title", "summary", "body")
        },
    }
}


def load(name):
    with open(HERE / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def pages():
    return load("pages.jsonl")


def queries():
    return load("queries.jsonl")


def project_source(page):
    """The document the project's indexer writes for a page like this one."""
    locale = page["locale"]
    return {
        "type": page["type"],
        "locale": locale,
        "group": f"page:{page['group']}",
        "translation_key": page["group"],
        "title": page["title"],
        "summary": page["summary"],
        "spell": f"{page['title']} {page['summary']}",
        "url": f"/{locale}/{page['id']}/",
        "date": page["date"],
        "key_date": page["date"],
        "year": int(page["date"][:4]),
        "reference_number": normalise_reference(page["reference"]),
        "reference_display": page["reference"],
        "languages": [],
        f"title_{locale}": page["title"],
        f"summary_{locale}": page["summary"],
        f"body_{locale}": page["body"],
    }


def create_indices(es, prefix, shards=1, replicas=0):
    """(project index, plain index), freshly created and filled."""
    project, plain = f"{prefix}_eval_project", f"{prefix}_eval_plain"
    es.indices.delete(index=[project, plain], ignore_unavailable=True)
    settings = index_settings()
    settings["index"].update(number_of_shards=shards, number_of_replicas=replicas)
    es.indices.create(index=project, settings=settings, mappings=index_mappings())
    es.indices.create(index=plain, settings=PLAIN_SETTINGS, mappings=PLAIN_MAPPINGS)
    everything = pages()
    helpers.bulk(
        es,
        ({"_index": project, "_id": p["id"], **project_source(p)} for p in everything),
        refresh=True,
    )
    helpers.bulk(
        es,
        (
            {
                "_index": plain,
                "_id": p["id"],
                "group": f"page:{p['group']}",
                "title": p["title"],
                "summary": p["summary"],
                "body": p["body"],
            }
            for p in everything
        ),
        refresh=True,
    )
    return project, plain


def project_groups(es, index, query):
    body = build_body(parse_params({"q": query["q"]}, query["locale"]))
    body["size"] = 5
    response = es.search(index=index, **body)
    return [hit["_source"]["group"] for hit in response["hits"]["hits"]]


def plain_groups(es, index, query):
    response = es.search(
        index=index,
        query={
            "multi_match": {"query": query["q"], "fields": ["title", "summary", "body"]}
        },
        size=10,
        _source=["group"],
    )
    groups = []
    for hit in response["hits"]["hits"]:
        if hit["_source"]["group"] not in groups:
            groups.append(hit["_source"]["group"])
    return groups[:5]


def score(groups, query):
    wanted = {f"page:{answer}" for answer in query["answers"]}
    ranks = [rank for rank, group in enumerate(groups, 1) if group in wanted]
    return {
        "recall": len(wanted & set(groups[:5])) / len(wanted),
        "rr": 1 / ranks[0] if ranks else 0.0,
        "zero": not groups,
    }


def evaluate(es, index, searcher, sample=None):
    """{kind: {recall, mrr, zero, n}} plus "all", and the misses."""
    per_kind, misses = {}, []
    for query in sample or queries():
        result = score(searcher(es, index, query), query)
        per_kind.setdefault(query["kind"], []).append(result)
        if result["recall"] < 1:
            misses.append((query, result))
    per_kind["all"] = [r for kind in list(per_kind) for r in per_kind[kind]]
    table = {}
    for kind, results in per_kind.items():
        n = len(results)
        table[kind] = {
            "recall": sum(r["recall"] for r in results) / n,
            "mrr": sum(r["rr"] for r in results) / n,
            "zero": sum(r["zero"] for r in results) / n,
            "n": n,
        }
    return table, misses


def format_table(project, plain):
    lines = [
        "| kind | n | recall@5 project | recall@5 plain | MRR project | MRR plain "
        "| zero project | zero plain |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in [*KINDS, "all"]:
        a, b = project.get(kind), plain.get(kind)
        if not a:
            continue
        lines.append(
            f"| {kind} | {a['n']} | {a['recall']:.2f} | {b['recall']:.2f} "
            f"| {a['mrr']:.2f} | {b['mrr']:.2f} "
            f"| {a['zero']:.1%} | {b['zero']:.1%} |"
        )
    return "\n".join(lines)
