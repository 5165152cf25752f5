"""Long extracted texts are highlighted in their first HIGHLIGHT_CHARS only:
a match further in still finds the document, with its summary as snippet."""

import uuid

import pytest
from django.test import override_settings

from search import backend
from search.highlight import HIGHLIGHT_CHARS
from search.indexing import MAX_TEXT
from search.query import parse_params, search

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

FILLER = "Neni i rregullores për shfrytëzimin e hapësirës publike. "


def document(number, text):
    return {
        "type": "document",
        "locale": "sq",
        "group": f"document:{number}",
        "title": f"Rregullore {number}.pdf",
        "title_sq": f"Rregullore {number}.pdf",
        "summary": "Rregullorja e komunës",
        "attachments_sq": text[:MAX_TEXT],
        "year": 2018,
    }


@pytest.fixture
def long_documents(elasticsearch_url):
    prefix = f"longhl_{uuid.uuid4().hex[:8]}"
    late = FILLER * (MAX_TEXT // len(FILLER) - 10)
    with override_settings(SEARCH_INDEX_PREFIX=prefix):
        es = backend.client(timeout=30)
        name = backend.new_index_name()
        backend.create_index(es, name)
        es.index(
            index=name, id="early", document=document(1, "Ndriçimi publik. " + late)
        )
        es.index(index=name, id="late", document=document(2, late + "Ndriçimi publik."))
        es.indices.refresh(index=name)
        es.indices.put_alias(index=name, name=backend.alias_name())
        try:
            yield
        finally:
            es.indices.delete(index=name, ignore_unavailable=True)


def test_a_match_past_the_highlighted_part_is_found_without_a_mark(long_documents):
    assert len(FILLER) * 10 < MAX_TEXT - HIGHLIGHT_CHARS
    answer = search(parse_params({"q": "ndriçimi"}, "sq"))
    snippets = {result["id"]: result["snippet"] for result in answer["results"]}
    assert set(snippets) == {"early", "late"}
    assert "<mark>Ndriçimi</mark>" in snippets["early"]
    assert "<mark>" not in snippets["late"]
    assert "Rregullorja e komunës" in snippets["late"]
