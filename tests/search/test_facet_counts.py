"""Facet counts are counts of results (groups), however they are counted:
within one language the pages and their attachments are counted by their
documents and only the repeatable documents (other sites' items) by a
distinct count (search/facets.py). Checked against counts made in Python from
every match."""

import uuid
from collections import defaultdict

import pytest
from django.test import override_settings

from search import backend
from search.facets import FACET_FIELDS
from search.params import FACETS
from search.query import parse_params, search

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def page(number, locale, group, **fields):
    return {
        "type": "decision",
        "locale": locale,
        "group": group,
        "translation_key": group,
        "page_id": number,
        "parent_page": number,
        "title": f"Vendim për buxhetin {number}",
        f"title_{locale}": f"Vendim për buxhetin {number}",
        f"body_{locale}": "buxheti komunal miratohet",
        "year": 2019,
        "department_key": "finance",
        "department": "Drejtoria e Financave",
        **fields,
    }


def attachment(document, parent, locale, page_group, **fields):
    # Grouped with the page it hangs on (search/indexing.py).
    return {
        **page(parent, locale, f"document:{document}:{page_group}", **fields),
        "type": "document",
        "page_id": None,
        "title": f"Buxheti {document}.pdf",
        f"title_{locale}": f"Buxheti {document}.pdf",
    }


# Two pages in sq and sr (one group each); one PDF hung on two Albanian pages
# and on the Serbian version of the first; another site's item given twice in
# Albanian.
DOCUMENTS = {
    "page-1": page(1, "sq", "page:a"),
    "page-2": page(2, "sr", "page:a", title_sr="Odluka o budžetu"),
    "page-3": page(3, "sq", "page:b", year=2020),
    "page-4": page(4, "sr", "page:b", year=2020),
    "document-7-1": attachment(7, 1, "sq", "a"),
    "document-7-3": attachment(7, 3, "sq", "b", year=2020),
    "document-7-2": attachment(7, 2, "sr", "a"),
    "ext-1": {
        **page(None, "sq", "ext:plone:x", type="notice", source="plone"),
        "page_id": None,
        "repeatable_group": "ext:plone:x",
    },
    "ext-2": {
        **page(None, "sq", "ext:plone:x", type="notice", source="plone"),
        "page_id": None,
        "repeatable_group": "ext:plone:x",
    },
}


@pytest.fixture(scope="module")
def small_index(elasticsearch_url):
    prefix = f"facets_{uuid.uuid4().hex[:8]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix):
        es = backend.client(timeout=30)
        name = backend.new_index_name()
        backend.create_index(es, name)
        for doc_id, source in DOCUMENTS.items():
            es.index(index=name, id=doc_id, document=source)
        es.indices.refresh(index=name)
        es.indices.put_alias(index=name, name=backend.alias_name())
        try:
            yield es
        finally:
            es.indices.delete(index=name, ignore_unavailable=True)


def expected(es, params):
    """Per facet {value: groups} from every matching document, in Python."""
    from search.dsl import build_body

    body = build_body(params)
    hits = es.search(
        index=backend.alias_name(),
        query=body["query"],
        size=10_000,
        _source=["group", *FACET_FIELDS.values()],
    )["hits"]["hits"]
    chosen = {
        "type": params.types or None,
        "year": [params.year] if params.year else None,
        "locale": None if params.locale == "all" else [params.locale],
        "department": [params.department] if params.department else None,
        "source": [params.source] if params.source else None,
    }

    def passes(source, facet):
        values = chosen[facet]
        return values is None or source.get(FACET_FIELDS[facet]) in values

    counts = {facet: defaultdict(set) for facet in FACETS}
    total = set()
    for hit in hits:
        source = hit["_source"]
        for facet in FACETS:
            others = [name for name in FACETS if name != facet]
            if all(passes(source, name) for name in others):
                value = source.get(FACET_FIELDS[facet])
                if value is not None:
                    counts[facet][str(value)].add(source["group"])
        if all(passes(source, name) for name in FACETS):
            total.add(source["group"])
    shaped = {
        facet: {value: len(groups) for value, groups in by_value.items()}
        for facet, by_value in counts.items()
    }
    return shaped, len(total)


@pytest.mark.parametrize(
    "data",
    [
        {"q": "buxhet"},
        {"q": "buxhet", "locale": "sr"},
        {"q": "buxhet", "locale": "all"},
        {"q": "buxhet", "locale": "all", "type": "document"},
        {"q": "buxhet", "year": "2020"},
        {"q": "buxhet", "locale": "all", "year": "2020"},
        {"q": "buxhet", "source": "plone"},
    ],
)
def test_every_facet_counts_results_not_documents(small_index, data):
    params = parse_params(data, "sq")
    answer = search(params)
    counts, total = expected(small_index, params)
    got = {
        facet: {bucket["value"]: bucket["count"] for bucket in buckets}
        for facet, buckets in answer["facets"].items()
    }
    assert got == counts
    assert answer["total"] == total
    assert len(answer["results"]) == total


def test_the_pdf_is_a_result_under_each_page_it_hangs_on(small_index):
    answer = search(parse_params({"q": "buxhet", "type": "document"}, "sq"))
    assert answer["total"] == 2
    assert sorted(r["id"] for r in answer["results"]) == [
        "document-7-1",
        "document-7-3",
    ]
    types = {b["value"]: b["count"] for b in answer["facets"]["type"]}
    # The two Albanian pages, the PDF under each, the other site's notice once.
    assert types == {"decision": 2, "document": 2, "notice": 1}


def test_the_pdf_on_a_pages_language_versions_is_one_result(small_index):
    answer = search(
        parse_params({"q": "buxhet", "type": "document", "locale": "all"}, "sq")
    )
    # document-7-1 (sq) and document-7-2 (sr) hang on one page's versions.
    assert answer["total"] == 2
    assert {r["id"] for r in answer["results"]} == {"document-7-1", "document-7-3"}
    locales = {b["value"]: b["count"] for b in answer["facets"]["locale"]}
    assert locales == {"sq": 2, "sr": 1}
