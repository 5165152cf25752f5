"""Autocomplete: titles and reference numbers as the visitor types."""

from core.search_registry import DOCUMENT_KEY

from . import backend
from .analysis import LANGUAGES
from .indexing import normalise_reference
from .params import MAX_QUERY


def suggest_body(q, locale, size):
    matches = {
        "bool": {
            "should": [
                {"match": {"title.suggest": {"query": q, "operator": "and"}}},
                {
                    "constant_score": {
                        "filter": {
                            "prefix": {"reference_number.key": normalise_reference(q)}
                        },
                        "boost": 20,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    preferred = []
    if locale in LANGUAGES:
        preferred.append(
            {"constant_score": {"filter": {"term": {"locale": locale}}, "boost": 5}}
        )
    return {
        "query": {
            "bool": {
                "must": [matches],
                "should": preferred,
                # Attachments are found through their pages, not suggested.
                "must_not": [{"term": {"type": DOCUMENT_KEY}}],
            }
        },
        "sort": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
        "collapse": {"field": "group"},
        "size": size,
        "_source": ["title", "url", "type", "locale"],
    }


def suggest(q, locale, size=8):
    q = (q or "").strip()[:MAX_QUERY]
    if len(q) < 2:
        return []
    body = suggest_body(q, locale, size)
    response = backend.call(
        lambda es: es.search(index=backend.alias_name(), **body),
        timeout=backend.SEARCH_TIMEOUT,
        guard=backend.search_breaker,
    )
    return [
        {
            "title": hit["_source"]["title"],
            "url": hit["_source"]["url"],
            "type": hit["_source"]["type"],
        }
        for hit in response["hits"]["hits"]
    ]
