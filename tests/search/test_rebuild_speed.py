"""The rebuild's speed-ups change how documents are built, never what they hold."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from core.municipality import MunicipalitySettings
from core.search_registry import municipality, municipality_memo
from search import backend, rebuild
from search.analysis import index_mappings, index_settings
from search.indexing import indexable_pages, language_versions, page_documents

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def settings_queries(queries):
    return [q for q in queries if "core_municipalitysettings" in q["sql"]]


def test_a_rebuild_reads_the_municipality_setting_once_per_site(search_index):
    with CaptureQueriesContext(connection) as queries:
        summary = rebuild.rebuild(out=io.StringIO())
    assert summary["pages"] > 80 and summary["errors"] == 0
    # One site: one read of its setting (it was one per page).
    assert len(settings_queries(queries)) == 1
    es = backend.client(timeout=30)
    try:
        alias = backend.alias_name()
        gjilan = es.count(index=alias, query={"term": {"municipality": "gjilan"}})
        assert gjilan["count"] == es.count(index=alias)["count"] > 80
    finally:
        es.close()


def test_the_memo_keeps_each_sites_municipality_apart():
    home = Site.objects.get(is_default_site=True).root_page
    other_root = Page.get_first_root_node().add_child(
        instance=Page(title="Prishtina", slug="prishtina-root")
    )
    other = other_root.add_child(
        instance=Page(title="Njoftim", slug="njoftim", locale=other_root.locale)
    )
    site = Site.objects.create(hostname="prishtina.example", root_page=other_root)
    MunicipalitySettings.objects.update_or_create(
        site=site, defaults={"slug": "prishtina"}
    )
    local = home.get_children().live().first()
    expected = [municipality(local), municipality(other), municipality(local)]
    assert expected == ["gjilan", "prishtina", "gjilan"]
    with municipality_memo(), CaptureQueriesContext(connection) as queries:
        memoised = [municipality(page) for page in (local, other, local, other)]
    assert memoised == ["gjilan", "prishtina", "gjilan", "prishtina"]
    assert len(settings_queries(queries)) == 2


def comparable(documents):
    # indexed_at is the moment of indexing: the only field allowed to differ.
    return {
        doc_id: {key: value for key, value in source.items() if key != "indexed_at"}
        for doc_id, source in documents
    }


def test_batched_language_versions_build_the_same_documents():
    pages = list(indexable_pages().specific(defer=False)[:120])
    assert len(pages) == 120
    versions = language_versions(pages)
    several = [p for p in pages if len(versions[p.translation_key]) > 1]
    assert several, "the demo content has translated pages"
    for page in pages:
        alone = comparable(page_documents(page))
        with municipality_memo():
            batched = comparable(page_documents(page, None, versions))
        assert batched == alone


def test_a_private_translation_is_not_listed_among_the_language_versions():
    page = next(
        p
        for p in indexable_pages().specific(defer=False)
        if Page.objects.filter(translation_key=p.translation_key).count() > 1
    )
    sibling = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .first()
    )
    before = [v["locale"] for v in language_versions([page])[page.translation_key]]
    assert sibling.locale.language_code in before
    sibling.unpublish()
    after = [v["locale"] for v in language_versions([page])[page.translation_key]]
    assert sibling.locale.language_code not in after
    assert page.locale.language_code in after


def test_bulk_load_puts_the_index_settings_back_and_every_document_is_found(
    settings,
):
    settings.SEARCH_REPLICAS = 1  # a single node: yellow, still waited for
    es = backend.client(timeout=60)
    name = backend.new_index_name()
    backend.create_index(es, name)
    try:
        sq = Locale.objects.get(language_code="sq")
        actions = (
            {
                "_op_type": "index",
                "_index": name,
                "_id": f"t-{number}",
                "type": "notice",
                "locale": sq.language_code,
                "title": f"Njoftim {number}",
                "title_sq": f"Njoftim {number}",
            }
            for number in range(2_345)
        )
        indexed, errors = rebuild.bulk_load(
            es, name, actions, threads=2, chunk_size=500
        )
        assert (indexed, errors) == (2_345, [])
        assert es.count(index=name)["count"] == 2_345  # refreshed
        index = es.indices.get_settings(index=name)[name]["settings"]["index"]
        assert "refresh_interval" not in index
        assert "durability" not in index.get("translog", {})
        assert index["number_of_replicas"] == "1"
    finally:
        es.indices.delete(index=name, ignore_unavailable=True)
        es.close()


def segment_count(es, name):
    return es.indices.stats(index=name, metric="segments")["_all"]["primaries"][
        "segments"
    ]["count"]


def test_a_loaded_index_is_merged_before_anybody_searches_it():
    # Every query pays per segment (BENCHMARKS.md, sixth round): a load left
    # dozens. Three refreshed batches make three segments here.
    es = backend.client(timeout=60)
    name = backend.new_index_name()
    backend.create_index(es, name)
    try:
        for batch in range(3):
            es.bulk(
                operations=[
                    line
                    for number in range(50)
                    for line in (
                        {"index": {"_index": name, "_id": f"t-{batch}-{number}"}},
                        {"type": "notice", "locale": "sq", "title_sq": "Njoftim"},
                    )
                ],
                refresh=True,
            )
        assert segment_count(es, name) == 3
        assert rebuild.merge_segments(es, name) == 1
        es.indices.refresh(index=name)
        assert segment_count(es, name) == 1
        assert es.count(index=name)["count"] == 150
    finally:
        es.indices.delete(index=name, ignore_unavailable=True)
        es.close()


def test_no_merged_segment_grows_past_the_bound(monkeypatch):
    es = backend.client(timeout=60)
    name = backend.new_index_name()
    backend.create_index(es, name)
    try:
        for batch in range(4):
            es.index(index=name, document={"title_sq": f"Njoftim {batch}"})
            es.indices.refresh(index=name)
        size = es.indices.stats(index=name, metric="store")["_all"]["primaries"][
            "store"
        ]["size_in_bytes"]
        monkeypatch.setattr(rebuild, "MERGED_SEGMENT_BYTES", size / 2.5)
        assert rebuild.merge_segments(es, name) == 3
    finally:
        es.indices.delete(index=name, ignore_unavailable=True)
        es.close()


def test_a_rebuild_merges_its_index_once_the_alias_points_at_it(
    search_index, monkeypatch
):
    # The merge takes a third of the load's time: searches get the new
    # index first, its speed after.
    seen, merge = [], rebuild.merge_segments

    def watched(es, name):
        seen.append(backend.indices_behind_alias(es))
        return merge(es, name)

    monkeypatch.setattr(rebuild, "merge_segments", watched)
    summary = rebuild.rebuild(out=io.StringIO())
    assert seen == [[summary["index"]]]
    es = backend.client(timeout=30)
    try:
        assert segment_count(es, summary["index"]) == 1
    finally:
        es.close()
    assert summary["searchable_seconds"] <= summary["seconds"]


def test_a_failed_merge_leaves_the_rebuilt_index_answering(search_index, monkeypatch):
    from elasticsearch import TransportError

    def failing(es, name):
        raise TransportError("the merge timed out")

    monkeypatch.setattr(rebuild, "merge_segments", failing)
    summary = rebuild.rebuild(out=io.StringIO())
    es = backend.client(timeout=30)
    try:
        assert backend.indices_behind_alias(es) == [summary["index"]]
        assert es.count(index=backend.alias_name())["count"] == summary["documents"]
    finally:
        es.close()


def test_the_mapping_the_bench_edits_is_the_projects():
    # bench/rebuild_bench.py puts the old mapping's offsets and text prefixes
    # back by field name: a renamed field would make that variant silently
    # measure the current mapping.
    properties = index_mappings()["properties"]
    # Offsets: the long texts only since the fifth round, every text before.
    assert properties["body_sq"]["index_options"] == "offsets"
    assert "index_options" not in properties["title_sq"]
    assert "fields" not in properties["summary_sq"]
    assert "prefix" in properties["title_sq"]["fields"]
    assert "prefix" in properties["all_sq"]["fields"]
    assert index_settings()["index"]["number_of_shards"] >= 1
