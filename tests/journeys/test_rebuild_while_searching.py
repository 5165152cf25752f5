"""The office's administrator rebuilds the search index (after an upgrade) while a
citizen keeps searching on her phone (issue 15, sixth round: the rebuild merges the
new index once the alias points at it). Every search in the meantime answers from
Elasticsearch, never the degraded database search; afterwards the same query gives
the same results (their order among equal scores may differ: the old index
held the live updates' deleted versions), from an index of one segment."""

import json
import threading

import pytest

from .conftest import assert_accessible, shot
from .test_search_counts import total

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


def answer(page):
    assert page.locator("p.notice").count() == 0, "the degraded search answered"
    titles = [title.inner_text() for title in page.locator(".search-result h2").all()]
    return total(page), titles


SEGMENTS = """
import json
from search import backend
es = backend.client(timeout=30)
names = backend.indices_behind_alias(es)
stats = es.indices.stats(index=names, metric="segments")["indices"]
print(json.dumps({name: stats[name]["primaries"]["segments"]["count"]
                  for name in names}))
"""


def test_a_rebuild_while_a_citizen_searches(live_site, phone):
    url = f"{live_site.url}/sq/search/?q=buxheti"
    phone.goto(url)
    before = answer(phone)
    assert before[0] > 1
    shot(phone, "rebuild-01-before")

    output = {}

    def rebuild():
        output["text"] = live_site.manage("rebuild_search_index", timeout=600)

    operator = threading.Thread(target=rebuild)
    operator.start()
    searches = 0
    while operator.is_alive():
        phone.goto(url)
        assert answer(phone)[0] == before[0]
        searches += 1
    operator.join()
    assert searches >= 1
    assert "merged in" in output["text"], output["text"]

    phone.goto(url)
    found, titles = answer(phone)
    assert found == before[0]
    if found <= len(titles):  # every result on one page: the same ones
        assert sorted(titles) == sorted(before[1])
    shot(phone, "rebuild-02-after")
    assert_accessible(phone)
    segments = json.loads(live_site.shell(SEGMENTS).splitlines()[-1])
    assert list(segments.values()) == [1], segments
