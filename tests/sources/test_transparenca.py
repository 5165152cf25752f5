"""Two Transparenca instances: the hub (this test's database and index) indexes
a municipal site (the demo served by runserver on its own SQLite database and
index prefix) through the `transparenca` source, finds its acts with their
source and municipality, links to the municipal site, and follows changes."""

import json
import urllib.request

import pytest

from sources import sync
from sources.models import Source
from tests.journeys.conftest import live_site  # noqa: F401 - the fixture

from .conftest import indexed, refresh

pytestmark = pytest.mark.elasticsearch


def remote_json(site, path):
    with urllib.request.urlopen(f"{site.url}{path}", timeout=30) as response:
        return json.load(response)


@pytest.fixture
def municipal_source(db, hub_index, live_site):  # noqa: F811
    return Source.objects.create(
        slug="komuna-gjilan",
        name="Komuna e Gjilanit",
        kind=Source.TRANSPARENCA,
        base_url=live_site.url,
        municipality="gjilan",
        municipality_name="Gjilan",
        timeout=30,
    )


def test_national_portal_finds_the_municipal_acts(
    client,
    municipal_source,
    live_site,  # noqa: F811
):
    result = sync.reconcile(municipal_source)
    assert "error" not in result, result
    assert result["problems"] == []
    municipal_source.refresh_from_db()
    assert municipal_source.item_count == municipal_source.items.count() > 0
    assert municipal_source.last_error == ""

    acts = remote_json(
        live_site,
        "/api/v2/pages/?type=municipal_acts.MunicipalActPage&locale=sq&limit=5",
    )["items"]
    act = acts[0]
    item = municipal_source.items.get(external_id=str(act["id"]))
    assert item.data["type"] == "act"
    assert item.locale == "sq"

    refresh()
    answer = client.get("/api/search/", {"q": act["title"], "lang": "sq"}).json()
    external = [r for r in answer["results"] if r["source"] == "komuna-gjilan"]
    assert external, answer["results"]
    hit = next(r for r in external if r["id"] == f"ext-komuna-gjilan-{act['id']}")
    assert hit["municipality"] == "gjilan"
    assert hit["url"] == act["meta"]["html_url"]
    assert hit["url"].startswith(live_site.url)
    # The hub's own copy of the same demo act is still there, marked local.
    assert any(r["source"] == "local" for r in answer["results"])

    # Its Serbian translation is one group with it, and each links the other.
    serbian = remote_json(
        live_site, f"/api/v2/pages/?translation_of={act['id']}&locale=sr"
    )["items"]
    if serbian:
        other = indexed(f"ext-komuna-gjilan-{serbian[0]['id']}")
        mine = indexed(f"ext-komuna-gjilan-{act['id']}")
        assert other["group"] == mine["group"]
        assert "sr" in {language["locale"] for language in mine["languages"]}

    # A second reconcile finds nothing new.
    again = sync.reconcile(municipal_source)
    assert again["changed"] == 0 and again["removed"] == 0

    # Unpublished on the municipal site: gone from the hub at the next reconcile.
    live_site.shell(
        "from wagtail.models import Page;"
        f"Page.objects.get(pk={act['id']}).specific.unpublish()"
    )
    after = sync.reconcile(municipal_source)
    assert after["removed"] >= 1
    assert indexed(f"ext-komuna-gjilan-{act['id']}") is None
    assert not municipal_source.items.filter(external_id=str(act["id"])).exists()
