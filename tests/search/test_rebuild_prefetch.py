"""The rebuild reads the pages' department, topics and locale per batch, not
per page (issue 15, third round), and builds the very same documents."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.search_registry import municipality_memo
from search import rebuild
from search.indexing import indexable_pages

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

RELATIONS = ("core_department", "core_topic", "wagtailcore_locale")


def built(monkeypatch, prefetch):
    if not prefetch:
        monkeypatch.setattr(rebuild, "prefetch_relations", lambda pages: None)
    # Fresh page objects each time: no relation cache may carry over.
    pages = list(indexable_pages().specific(defer=False))
    with municipality_memo(), CaptureQueriesContext(connection) as queries:
        actions = list(rebuild.generate(pages, "x", {"documents": 0}, io.StringIO()))
    monkeypatch.undo()
    documents = {
        action["_id"]: {k: v for k, v in action.items() if k != "indexed_at"}
        for action in actions
    }
    relation_queries = [
        q for q in queries if any(f'FROM "{table}"' in q["sql"] for table in RELATIONS)
    ]
    return pages, documents, relation_queries


def test_prefetched_relations_build_the_same_documents(monkeypatch):
    pages, before, per_page = built(monkeypatch, prefetch=False)
    _, after, batched = built(monkeypatch, prefetch=True)
    assert len(pages) > 80
    assert after == before
    # The demo content's documents carry departments and topics, so the
    # comparison covers the prefetched relations.
    assert any(doc.get("department") for doc in after.values())
    assert any(doc.get("tags") for doc in after.values())
    # Without the prefetch: queries for every page; with it: a few per page
    # type and batch (topic translations looked up by key remain).
    assert len(per_page) > 2 * len(pages)
    assert len(batched) < len(per_page) / 5
