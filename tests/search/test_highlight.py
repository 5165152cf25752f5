"""Highlight sentinels (U+E000/U+E001) inside the content can't unbalance the
<mark> tags of a result (issue 12.10)."""

import re

import pytest
from django.urls import reverse

from search.highlight import POST, PRE, safe_highlight
from search.results import shape_hit


def balanced(html):
    depth = 0
    for tag in re.findall(r"</?mark>", html):
        depth += 1 if tag == "<mark>" else -1
        if depth not in (0, 1):
            return False
    return depth == 0


@pytest.mark.parametrize(
    "fragment",
    [
        f"taksa {PRE}buxhet{POST} {PRE}",
        f"{POST}{PRE}buxhet{POST}{POST}",
        f"{PRE}a {PRE}b{POST} c{POST}",
        f"<b>{PRE}x{POST}</b> {PRE}",
    ],
)
def test_highlight_is_always_balanced(fragment):
    html = safe_highlight(fragment)
    assert balanced(html), html
    assert "<b>" not in html
    assert PRE not in html and POST not in html


def test_highlight_marks_the_match():
    assert safe_highlight(f"a {PRE}b{POST} <c>") == "a <mark>b</mark> &lt;c&gt;"


def test_unhighlighted_text_drops_the_sentinels():
    hit = {
        "_id": "page-1",
        "_source": {
            "type": "notice",
            "title": f"Njoftim{PRE}",
            "summary": f"{POST}tekst",
            "locale": "sq",
        },
    }
    result = shape_hit(hit)
    assert result["title"] == "Njoftim"
    assert result["title_html"] == "Njoftim"
    assert result["snippet"] == "tekst"


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_search_page_of_content_with_sentinels(client, search_index):
    from search import backend

    from .conftest import refresh

    es = backend.client(timeout=30)
    es.index(
        index=backend.alias_name(),
        id="page-999999",
        document={
            "type": "notice",
            "group": "page:sentinel",
            "page_id": 999999,
            "locale": "sq",
            "title": f"Njoftim {PRE}sentinelë",
            "title_sq": f"Njoftim {PRE}sentinelë",
            "summary_sq": f"sentinelë {POST}{PRE} tekst {PRE}",
            "body_sq": f"{PRE}{PRE}sentinelë{POST}",
            "url": "/sq/x/",
        },
    )
    es.close()
    refresh()
    try:
        response = client.get(reverse("search"), {"q": "sentinelë"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "sentinel" in html
        assert html.count("<mark>") == html.count("</mark>") >= 1
        answer = client.get(reverse("search_api"), {"q": "sentinelë"}).json()
        assert answer["results"] and balanced(answer["results"][0]["snippet"])
    finally:
        es = backend.client(timeout=30)
        es.delete(index=backend.alias_name(), id="page-999999", refresh=True)
        es.close()
