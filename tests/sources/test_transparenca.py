"""Two Transparenca instances: the hub (this test's database and index) indexes
a small municipal site (runserver on its own SQLite database, a handful of
pages from small_site.py) through the `transparenca` source, finds its acts
with their source and municipality, links to the municipal site, groups a
translation with its original, skips what did not change and follows
unpublishing."""

import json
import os
import urllib.request

import pytest

from sources import sync
from sources.adapters import transparenca
from sources.models import Source
from tests.live_site import SiteProcesses, free_port, site_env

from .conftest import indexed, refresh

pytestmark = pytest.mark.elasticsearch


class SmallSite(SiteProcesses):
    def __init__(self, workdir, elasticsearch_url):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = site_env(
            workdir,
            f"small_{os.getpid()}",
            elasticsearch_url,
            BASE_URL=self.url,
            WAGTAILADMIN_BASE_URL=self.url,
        )
        super().__init__(env=env, workdir=workdir)

    def manage(self, *args, timeout=300):
        return super().manage(*args, timeout=timeout).strip()


@pytest.fixture(scope="module")
def small_site(tmp_path_factory, elasticsearch_url):
    workdir = tmp_path_factory.mktemp("small-site")
    site = SmallSite(workdir, elasticsearch_url)
    site.manage("migrate", "--noinput", "-v", "0", timeout=600)
    site.pages = json.loads(
        site.shell("from tests.sources.small_site import build; build()").splitlines()[
            -1
        ]
    )
    try:
        site.serve(site.port, "/api/v2/pages/")
        yield site
    finally:
        site.close()
        site.drop_indices()


def remote_json(site, path):
    with urllib.request.urlopen(f"{site.url}{path}", timeout=30) as response:
        return json.load(response)


@pytest.fixture
def municipal_source(db, hub_index, small_site):
    return Source.objects.create(
        slug="komuna-gjilan",
        name="Komuna e Gjilanit",
        kind=Source.TRANSPARENCA,
        base_url=small_site.url,
        municipality="gjilan",
        municipality_name="Gjilan",
        timeout=30,
    )


@pytest.fixture
def counted(monkeypatch):
    """The API requests the adapter makes, by path."""
    calls = []
    real = transparenca.get_json

    def get_json(url, params=None, **kwargs):
        calls.append(url)
        return real(url, params=params, **kwargs)

    monkeypatch.setattr(transparenca, "get_json", get_json)
    return calls


def test_the_api_meta_carries_translation_key_and_last_published_at(small_site):
    act_id, serbian_id = small_site.pages["acts"][0], small_site.pages["sr"]
    act = remote_json(small_site, f"/api/v2/pages/{act_id}/")
    serbian = remote_json(small_site, f"/api/v2/pages/{serbian_id}/")
    assert act["meta"]["translation_key"] == serbian["meta"]["translation_key"]
    assert act["meta"]["last_published_at"].startswith("20")
    listing = remote_json(
        small_site, "/api/v2/pages/?fields=translation_key,last_published_at"
    )
    keys = {page["id"]: page["meta"]["translation_key"] for page in listing["items"]}
    assert keys[act_id] == keys[serbian_id]


def test_national_portal_finds_the_municipal_acts(
    client, municipal_source, small_site, counted
):
    result = sync.reconcile(municipal_source)
    assert "error" not in result, result
    assert result["problems"] == []
    municipal_source.refresh_from_db()
    # Three acts, their Serbian translation, one notice, one document; never
    # the draft.
    assert municipal_source.item_count == municipal_source.items.count() == 6
    assert municipal_source.last_error == ""
    titles = set(municipal_source.items.values_list("data__title", flat=True))
    assert "Draft rregullore sekrete" not in titles
    assert "Buxheti komunal 2025" in titles
    # A few listings, not a request per page: pages, documents, one `fields=*`
    # listing for the four acts and one detail request for the notice.
    assert len(counted) == 4, counted

    act_id = small_site.pages["acts"][0]
    act = remote_json(small_site, f"/api/v2/pages/{act_id}/")
    item = municipal_source.items.get(external_id=str(act_id))
    assert item.data["type"] == "act"
    assert item.data["reference_number"] == "01-016/25"
    assert item.locale == "sq"

    refresh()
    answer = client.get("/api/search/", {"q": act["title"], "lang": "sq"}).json()
    hit = next(r for r in answer["results"] if r["id"] == f"ext-komuna-gjilan-{act_id}")
    assert hit["source"] == "komuna-gjilan"
    assert hit["municipality"] == "gjilan"
    assert hit["url"] == act["meta"]["html_url"]
    assert hit["url"].startswith(small_site.url)

    # Its Serbian translation is one group with it, and each links the other.
    other = indexed(f"ext-komuna-gjilan-{small_site.pages['sr']}")
    mine = indexed(f"ext-komuna-gjilan-{act_id}")
    assert other["group"] == mine["group"]
    assert {language["locale"] for language in mine["languages"]} == {"sq", "sr"}

    # A second reconcile asks for the listings only and finds nothing new.
    counted.clear()
    again = sync.reconcile(municipal_source)
    assert again["changed"] == 0 and again["removed"] == 0
    assert len(counted) == 2, counted

    # Republished with a new title: re-read and updated.
    small_site.shell(
        "from wagtail.models import Page;"
        f"p = Page.objects.get(pk={act_id}).specific;"
        "p.title = 'Rregullore e ndryshuar për tarifat';"
        "p.save_revision().publish()"
    )
    changed = sync.reconcile(municipal_source)
    assert changed["changed"] >= 1
    assert indexed(f"ext-komuna-gjilan-{act_id}")["title"] == (
        "Rregullore e ndryshuar për tarifat"
    )

    # Unpublished on the municipal site: gone from the hub at the next reconcile.
    small_site.shell(
        f"from wagtail.models import Page;Page.objects.get(pk={act_id}).unpublish()"
    )
    after = sync.reconcile(municipal_source)
    assert after["removed"] == 1
    assert indexed(f"ext-komuna-gjilan-{act_id}") is None
    assert not municipal_source.items.filter(external_id=str(act_id)).exists()
    # The translation left behind no longer links to it.
    alone = indexed(f"ext-komuna-gjilan-{small_site.pages['sr']}")
    assert {language["locale"] for language in alone["languages"]} == {"sr"}

    # Published again: back at the next reconcile (and the site is as the
    # other tests expect it).
    small_site.shell(
        "from wagtail.models import Page;"
        f"Page.objects.get(pk={act_id}).specific.save_revision().publish()"
    )
    assert sync.reconcile(municipal_source)["changed"] >= 1
    assert indexed(f"ext-komuna-gjilan-{act_id}")["group"] == alone["group"]


def test_one_page_pulled_for_a_webhook(municipal_source, small_site):
    act_id = small_site.pages["acts"][1]
    assert sync.pull_item(municipal_source, str(act_id)) == "indexed"
    item = municipal_source.items.get(external_id=str(act_id))
    assert item.translation_group  # its translation_key
    assert sync.pull_item(municipal_source, "999999") == "removed"
    assert sync.pull_item(municipal_source, "doc-not-a-number") == "removed"
