"""Publish → searchable through the real worker: latency, Elasticsearch down,
worker down, and a status changed without a revision (search_drift)."""

import time
import uuid

import pytest

pytestmark = [pytest.mark.elasticsearch]

SYNC_TASK = "search.tasks.sync_index"

# Publishes press releases one at a time in the site's own process and waits,
# from that process, until each one is found: the latency is measured from the
# commit of the publish to the first search that finds the page.
PUBLISH = """
import json, time
from django.utils.text import slugify
from wagtail.models import Locale
from press.models import PressIndexPage, PressReleasePage
from search import backend

parent = PressIndexPage.objects.get(locale__language_code="sq")
locale = Locale.objects.get(language_code="sq")
result = {{"ids": [], "publish_seconds": [], "latency": []}}
es = backend.client(timeout=10)
for title in {titles!r}:
    page = PressReleasePage(
        title=title, slug=slugify(title), summary=title, locale=locale
    )
    parent.add_child(instance=page)
    started = time.monotonic()
    page.save_revision().publish()
    committed = time.monotonic()
    result["ids"].append(page.pk)
    result["publish_seconds"].append(committed - started)
    if {wait!r}:
        while not es.search(
            index=backend.alias_name(), query={{"term": {{"page_id": page.pk}}}}
        )["hits"]["total"]["value"]:
            if time.monotonic() - committed > 10:
                break
            time.sleep(0.02)
        result["latency"].append(time.monotonic() - committed)
print(json.dumps(result))
"""


def titles(count, words):
    tag = uuid.uuid4().hex[:6]
    return [f"{words} {tag} nr {n}" for n in range(count)]


def publish(site, names, wait=False):
    return site.shell(PUBLISH.format(titles=names, wait=wait))


def pending(site, page_ids):
    queued = {
        row[0] for row in site.query("SELECT page_id FROM search_pendingindexupdate")
    }
    return sorted(queued & set(page_ids))


def waiting_syncs(site):
    return site.query(
        "SELECT run_after FROM django_tasks_database_dbtaskresult"
        " WHERE task_path = ? AND status = 'READY'",
        SYNC_TASK,
    )


def queue_empty(site):
    return not site.query("SELECT 1 FROM search_pendingindexupdate")


def test_published_pages_are_searchable_within_two_seconds(site):
    site.wait_until(lambda: queue_empty(site), 60)
    result = publish(site, titles(8, "Njoftim per ujesjellesin"), wait=True)
    latency = sorted(result["latency"])
    # 8 samples: the slowest one is above the 95th percentile.
    assert latency[-1] <= 2.0, latency
    # The editor's request no longer waits for Elasticsearch. (The first publish
    # of a fresh process also pays for lazy imports: seen at 2.7 s under load.)
    assert max(result["publish_seconds"][1:]) < 2.0
    assert not pending(site, result["ids"])


def test_elasticsearch_down_publish_succeeds_and_the_worker_catches_up(site):
    names = titles(3, "Riparimi i rruges ne Malisheve")
    site.proxy.down()
    try:
        result = publish(site, names)
        # (The first publish of a fresh process also pays for lazy imports.)
        assert max(result["publish_seconds"][1:]) < 2.0, "publishing waited for ES"
        # The worker tries, fails, and leaves the rows with the error.
        site.wait_until(
            lambda: "unreachable" in site.worker_log() and pending(site, result["ids"]),
            20,
        )
        time.sleep(2)
        assert len(pending(site, result["ids"])) == 3
        # One retry waits with its back-off, not one per failure.
        assert len(waiting_syncs(site)) == 1
        assert (
            site.query(
                "SELECT count(*) FROM search_pendingindexupdate WHERE last_error != ''"
            )[0][0]
            >= 2
        )
    finally:
        site.proxy.up()
    # Nobody runs search_sync: the worker's next try finds the node back.
    site.wait_until(lambda: all(site.found(name) for name in names), 70, step=0.5)
    site.wait_until(lambda: queue_empty(site), 20)
    code, out = site.manage_status("search_drift")
    assert code == 0, out
    assert "The index matches the database." in out


def test_worker_down_rows_and_one_task_wait_until_it_is_back(site):
    site.stop_worker()
    names = titles(3, "Orari i ri i autobusit")
    result = publish(site, names)
    time.sleep(1.5)
    assert len(pending(site, result["ids"])) == 3
    # Three publishes, one waiting task: it reads the whole queue when it runs.
    assert len(waiting_syncs(site)) == 1
    assert not any(site.found(name) for name in names)
    site.start_worker()
    site.wait_until(lambda: all(site.found(name) for name in names), 30, step=0.2)
    site.wait_until(lambda: queue_empty(site), 10)
    assert not waiting_syncs(site)


AMEND = """
import json
from municipal_acts.models import ActIndexPage, MunicipalActPage

index = ActIndexPage.objects.get(locale__language_code="sq")
target = MunicipalActPage.objects.get(slug="statuti-i-komunes", locale=index.locale)
act = MunicipalActPage(
    title="Vendim per ndryshimin e statutit {tag}",
    slug="ndryshim-statuti-{tag}",
    official_number="01-{tag}",
    publication_date="2018-07-01",
    live=False,
)
index.add_child(instance=act)
act.amends.set([target])
act.save_revision().publish()
target.refresh_from_db()
print(json.dumps(
    {{"target": target.pk, "title": target.title, "status": target.status}}
))
"""


def test_a_status_changed_without_a_revision_is_reindexed_and_drift_sees_it(site):
    site.wait_until(lambda: queue_empty(site), 60)
    code, out = site.manage_status("search_drift")
    assert code == 0, out
    site.stop_worker()
    tag = uuid.uuid4().hex[:6]
    result = site.shell(AMEND.format(tag=tag))
    assert result["status"] == "amended"
    # The index still says "in force": drift must say so, although the
    # statute has no new revision.
    code, out = site.manage_status("search_drift")
    assert code != 0
    assert f"1 pages indexed with an outdated status: {result['target']}" in out
    assert [hit["status"] for hit in site.found(result["title"])] == ["in_force"]
    site.start_worker()
    site.wait_until(
        lambda: [hit["status"] for hit in site.found(result["title"])] == ["amended"],
        30,
        step=0.2,
    )
    site.wait_until(lambda: queue_empty(site), 10)
    code, out = site.manage_status("search_drift")
    assert code == 0, out
