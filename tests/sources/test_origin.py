"""Who published an external result: the citizen search page names the source
and its municipality by their readable names (escaped, under a translated
label) on each external result and in the "municipality / source" facet; the
site's own results carry no such line."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from sources.models import Source

from .conftest import refresh
from .test_push import TOKEN, item, push, push_source  # noqa: F401

pytestmark = pytest.mark.elasticsearch
QUERY = "ndriçimin publik"


@pytest.fixture
def pushed(client, push_source):  # noqa: F811 - the fixture imported above
    # A name with markup: it must reach the page as text, never as HTML.
    push_source.name = "Kamenica <b>CMS</b>"
    push_source.save()
    assert push(client, {"items": [item()]}, token=TOKEN).status_code == 200
    refresh()
    return push_source


def search_page(client, language, **params):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"locale": "all", **params})
    assert response.status_code == 200
    return response.content.decode()


def results(page):
    """Each result's <li> HTML, by its link."""
    items = re.findall(r'<li class="search-result">(.*?)</li>', page, re.S)
    return {re.search(r'href="([^"]+)"', html).group(1): html for html in items}


def facet_options(page):
    nav = re.search(r'<nav class="facets".*?</nav>', page, re.S).group(0)
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()
        for text in re.findall(r"<li><a [^>]*>(.*?)</a></li>", nav, re.S)
    ]


def test_an_external_result_names_who_published_it(client, pushed):
    page = search_page(client, "sq", q=QUERY)
    found = results(page)
    external = found["https://kamenica.example/aktet/77"]
    assert (
        '<p class="publisher">Publikuar nga: <span class="publisher-name">'
        "Kamenica &lt;b&gt;CMS&lt;/b&gt;, Kamenicë</span></p>"
    ) in external
    assert "<b>CMS" not in page
    # The site's own results, beside it, are as they were.
    local = [html for url, html in found.items() if url.startswith("/")]
    assert local and not any("publisher" in html for html in local)


def test_the_facet_names_municipalities_not_slugs(client, pushed):
    options = facet_options(search_page(client, "sq", q=QUERY))
    assert "Kamenicë / Kamenica &lt;b&gt;CMS&lt;/b&gt; (1)" in options
    assert any(o.startswith("Komuna e Gjilanit / kjo faqe (") for o in options)
    assert not any("cms-kamenica" in option for option in options), options
    # In Serbian the label and this site's name change; a source's own name
    # is the one it was given.
    page = search_page(client, "sr", q=QUERY)
    assert "Izdavač:" in page
    assert any(o.startswith("Opština Gnjilane / ") for o in facet_options(page))


def test_a_renamed_source_reads_right_without_a_reindex(client, pushed):
    Source.objects.filter(pk=pushed.pk).update(name="Kamenica", municipality_name="")
    page = search_page(client, "en", q=QUERY)
    assert "Published by: <span" in page
    assert '<span class="publisher-name">Kamenica</span>' in page
    assert "Kamenica (1)" in facet_options(page)


def test_a_source_no_longer_configured_falls_back_to_its_slugs(client, pushed):
    # Its documents stay in the index until they are removed: the page
    # still says whose they were, with what the index knows.
    Source.objects.filter(pk=pushed.pk).delete()
    page = search_page(client, "en", q=QUERY)
    external = results(page)["https://kamenica.example/aktet/77"]
    assert '<span class="publisher-name">kamenice</span>' in external
    assert "kamenice / cms-kamenica (1)" in facet_options(page)
