"""The degraded citizen search, while Elasticsearch is unreachable.

Wagtail's database index finds the candidate pages; each candidate's own search
document (the one the transparency index would hold) is then filtered with the
same rules as the Elasticsearch query, so `type`, `year`, `department`, dates,
`status` and `locale` narrow the answer before it is counted, faceted and paged.
Slower and unranked, but never a different answer to the filters."""

from collections import Counter

from django.utils import timezone
from wagtail.models import Locale

from core.search_registry import registry

from .indexing import as_date, indexable_pages, searchable_page_models
from .params import FACETS, split_query
from .results import shape_page

# The database index answers in the order it ranks; a degraded answer looks at
# this many candidates at most.
MAX_CANDIDATES = 300


def candidate_pages(params):
    from wagtail.search.backends import get_search_backend

    pages = indexable_pages()
    if params.types:
        models = [
            model
            for model in searchable_page_models()
            if model.content_type_key in params.types
        ]
        pages = pages.type(*models) if models else pages.none()
    if params.locale != "all":
        locale = Locale.objects.filter(language_code=params.locale).first()
        pages = pages.filter(locale=locale) if locale else pages.none()
    phrases, rest = split_query(params.q)
    text = " ".join([rest, *phrases]).strip()
    if not text:
        return list(pages.order_by("-first_published_at")[:MAX_CANDIDATES])
    try:
        found = get_search_backend().search(text, pages)
        return list(found[:MAX_CANDIDATES])
    except Exception:  # noqa: BLE001 - the fallback itself must not fail
        for word in text.split():
            pages = pages.filter(title__icontains=word)
        return list(pages.order_by("-first_published_at")[:MAX_CANDIDATES])


def describe(page):
    """The fields the filters and facets read, as the index would hold them."""
    data = page.search_document()
    day = as_date(data.get("date"))
    entry = registry.for_page(page)
    # The type's own rule, on the same values the index would hold.
    state = entry.state_of(data.get("fields") or {}, timezone.now()) if entry else ""
    return {
        "page": page,
        "data": data,
        "type": data["type"],
        "locale": data["locale"],
        "date": day,
        "year": str(day.year) if day else None,
        "department": data.get("department_key") or None,
        "department_label": data.get("department") or "",
        "issuing_body": data.get("issuing_body") or "",
        "status": data.get("status") or "",
        "state": state,
        "source": data.get("source") or None,
        "source_label": data.get("municipality") or "",
        "group": data["translation_key"],
        "summary": data.get("summary") or "",
        "reference_number": data.get("reference_number") or "",
    }


def passes_query_filters(doc, params):
    if params.date_from and (not doc["date"] or doc["date"] < params.date_from):
        return False
    if params.date_to and (not doc["date"] or doc["date"] > params.date_to):
        return False
    if params.issuing_body and doc["issuing_body"] != params.issuing_body:
        return False
    if params.status in registry.state_values():
        return doc["state"] == params.status
    return not params.status or doc["status"] == params.status


def facet_tests(params):
    """{facet: test} for the filters that are also facets (post filters)."""
    tests = {}
    if params.types:
        tests["type"] = lambda doc: doc["type"] in params.types
    if params.year:
        tests["year"] = lambda doc: doc["year"] == str(params.year)
    if params.locale != "all":
        tests["locale"] = lambda doc: doc["locale"] == params.locale
    if params.department:
        tests["department"] = lambda doc: doc["department"] == params.department
    if params.source:
        tests["source"] = lambda doc: doc["source"] == params.source
    return tests


def one_per_group(docs, visitor_locale):
    """Language versions of one item count once, the visitor's own preferred."""
    chosen = {}
    for doc in docs:
        kept = chosen.get(doc["group"])
        if kept is None or (
            doc["locale"] == visitor_locale and kept["locale"] != visitor_locale
        ):
            chosen[doc["group"]] = doc
    return [doc for doc in docs if chosen.get(doc["group"]) is doc]


def facets(docs, tests):
    answer = {}
    for facet in FACETS:
        others = [test for name, test in tests.items() if name != facet]
        counts, labels = Counter(), {}
        groups = set()
        for doc in docs:
            if doc[facet] is None or not all(test(doc) for test in others):
                continue
            if (facet, doc[facet], doc["group"]) in groups:
                continue
            groups.add((facet, doc[facet], doc["group"]))
            counts[doc[facet]] += 1
            labels[doc[facet]] = doc.get(f"{facet}_label", "")
        order = sorted(counts, reverse=True) if facet == "year" else None
        buckets = []
        for value in order or [value for value, _count in counts.most_common()]:
            bucket = {"value": value, "count": counts[value]}
            if labels[value]:
                bucket["label"] = labels[value]
            buckets.append(bucket)
        answer[facet] = buckets
    return answer


def shape(doc):
    """The result Elasticsearch would give for this page (results.shape_page)."""
    page, data = doc["page"], doc["data"]
    source = {
        **data,
        "title": page.title,
        "url": page.get_url(),
        "date": doc["date"].isoformat() if doc["date"] else None,
        "reference_display": doc["reference_number"],
        "department": doc["department_label"],
        "page_id": page.pk,
    }
    return shape_page(source, page.pk)


def search_database(params):
    """The answer `search.query.search` would give, from the database."""
    pages = [page.specific for page in candidate_pages(params)]
    docs = [describe(page) for page in pages if page.get_url() is not None]
    docs = [doc for doc in docs if passes_query_filters(doc, params)]
    tests = facet_tests(params)
    matching = one_per_group(
        [doc for doc in docs if all(test(doc) for test in tests.values())],
        params.visitor_locale,
    )
    if params.sort != "relevance" or not params.q:
        dated = [doc for doc in matching if doc["date"]]
        dated.sort(key=lambda doc: doc["date"], reverse=params.sort != "oldest")
        matching = dated + [doc for doc in matching if not doc["date"]]
    start = (params.page - 1) * params.page_size
    return {
        "query": params.q,
        "total": len(matching),
        "page": params.page,
        "page_size": params.page_size,
        "degraded": True,
        "results": [shape(doc) for doc in matching[start : start + params.page_size]],
        "facets": facets(docs, tests),
        "did_you_mean": "",
    }
