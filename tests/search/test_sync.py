"""Keeping the index in step: publish, unpublish, privacy, ES down, alias swap."""

import threading
import time

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page, PageViewRestriction

from search import backend
from search.models import PendingIndexUpdate
from search.query import parse_params, run_search, search
from search.sync import sync_pending

from .conftest import refresh

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]
UNREACHABLE = "http://127.0.0.1:9"


def press_index():
    from press.models import PressIndexPage

    return PressIndexPage.objects.get(locale__language_code="sq")


def new_release(parent, title, slug):
    from press.models import PressReleasePage

    page = PressReleasePage(
        title=title,
        slug=slug,
        summary=title,
        locale=Locale.objects.get(language_code="sq"),
    )
    parent.add_child(instance=page)
    return page


def titles(q, locale="sq"):
    return [r["title"] for r in search(parse_params({"q": q}, locale))["results"]]


def remove(page_ids):
    es = backend.client(timeout=30)
    for page_id in page_ids:
        es.options(ignore_status=404).delete(
            index=backend.alias_name(), id=f"page-{page_id}", refresh=True
        )
    es.close()


@pytest.fixture
def live_updates(search_index, django_capture_on_commit_callbacks):
    created = []
    with override_settings(SEARCH_AUTO_UPDATE=True):
        yield created
    remove(created)


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_publish_then_unpublish(live_updates, django_capture_on_commit_callbacks):
    page = new_release(press_index(), "Zebrat e reja te shkolla Xhemajl Kada", "zebrat")
    live_updates.append(page.pk)
    started = time.monotonic()
    publish(page, django_capture_on_commit_callbacks)
    refresh()
    assert time.monotonic() - started < 2
    assert "Zebrat e reja te shkolla Xhemajl Kada" in titles("zebrat kada")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    refresh()
    assert titles("zebrat kada") == []
    assert not PendingIndexUpdate.objects.exists()


def test_drafts_are_not_indexed(live_updates, django_capture_on_commit_callbacks):
    page = new_release(press_index(), "Draft per parkun Kalaja", "draft-kalaja")
    live_updates.append(page.pk)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.filter(pk=page.pk).update(live=False)
        page.save_revision()
    refresh()
    assert titles("parkun kalaja") == []


def test_private_pages_are_never_found(
    live_updates, django_capture_on_commit_callbacks
):
    page = new_release(press_index(), "Takimi i brendshëm për pishinën", "pishina")
    live_updates.append(page.pk)
    publish(page, django_capture_on_commit_callbacks)
    refresh()
    assert titles("pishinen") == ["Takimi i brendshëm për pishinën"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )
    refresh()
    assert titles("pishinen") == []


def test_pages_under_a_restricted_parent_are_never_indexed(
    live_updates, django_capture_on_commit_callbacks
):
    home = press_index().get_parent()
    parent = Page(title="Intranet", slug="intranet")
    home.add_child(instance=parent)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=parent, restriction_type="login")
    child = new_release(parent, "Orari i brendshëm i stafit Gjilan", "orari")
    live_updates.append(child.pk)
    publish(child, django_capture_on_commit_callbacks)
    refresh()
    assert titles("orari stafit") == []


def test_highlighted_title_with_markup_comes_back_inert(
    client, live_updates, django_capture_on_commit_callbacks
):
    page = new_release(
        press_index(), "<script>alert('xss')</script> Kalendari <b>sportiv</b>", "xss"
    )
    live_updates.append(page.pk)
    publish(page, django_capture_on_commit_callbacks)
    refresh()
    answer = search(parse_params({"q": "kalendari sportiv"}, "sq"))
    hit = next(r for r in answer["results"] if r["id"] == f"page-{page.pk}")
    assert "<script>" not in hit["title_html"] and "<b>" not in hit["title_html"]
    assert "&lt;script&gt;" in hit["title_html"]
    assert "<mark>Kalendari</mark>" in hit["title_html"]
    assert "<script>" not in hit["snippet"]
    html = client.get("/sq/search/", {"q": "kalendari sportiv"}).content.decode()
    assert "<script>alert" not in html


def test_unreachable_node_degrades_and_the_queue_lands_later(
    client, live_updates, django_capture_on_commit_callbacks
):
    page = new_release(press_index(), "Panairi i mjaltit në Gjilan", "mjalti")
    live_updates.append(page.pk)
    with override_settings(ELASTICSEARCH_URL=UNREACHABLE):
        started = time.monotonic()
        publish(page, django_capture_on_commit_callbacks)
        assert time.monotonic() - started < 2, "publishing waited for Elasticsearch"
        assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
        response = client.get("/api/search/", {"q": "mjaltit", "locale": "sq"})
        assert response.status_code == 200
        assert response.json()["degraded"] is True
        page_html = client.get("/sq/search/", {"q": "mjaltit"})
        assert page_html.status_code == 200
        assert 'class="notice"' in page_html.content.decode()
        suggest = client.get("/api/search/suggest/", {"q": "mjal"})
        assert suggest.status_code == 200 and suggest.json() == {"suggestions": []}
    backend.reset_breakers()
    assert titles("mjaltit") == []
    applied, remaining = sync_pending()
    assert (applied, remaining) == (1, 0)
    refresh()
    assert titles("mjaltit") == ["Panairi i mjaltit në Gjilan"]


def test_circuit_breaker_stops_trying_after_failures(monkeypatch):
    attempts = []
    real_client = backend.shared_client

    def counting_client(*args, **kwargs):
        attempts.append(1)
        return real_client(*args, **kwargs)

    # Every attempt asks for the (kept) client; an open breaker asks nothing.
    monkeypatch.setattr(backend, "shared_client", counting_client)
    with override_settings(ELASTICSEARCH_URL=UNREACHABLE):
        for _ in range(5):
            answer = run_search(parse_params({"q": "buxhet"}, "sq"))
            assert answer["degraded"] is True
    # Three failures open the breaker; the other searches do not even try.
    assert len(attempts) == 3
    assert backend.search_breaker.is_open


def test_alias_swap_while_searching(search_index):
    from search.rebuild import rebuild

    answers, failures = [], []
    stop = threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append(search(parse_params({"q": "buxhetin"}, "sq"))["total"])
            except Exception as error:  # noqa: BLE001
                failures.append(error)

    es = backend.client(timeout=30)
    before = backend.indices_behind_alias(es)
    worker = threading.Thread(target=keep_searching)
    worker.start()
    try:
        with open("/dev/null", "w") as devnull:
            summary = rebuild(out=devnull)
    finally:
        stop.set()
        worker.join(timeout=30)
    after = backend.indices_behind_alias(es)
    es.close()
    assert failures == []
    assert len(answers) > 3 and min(answers) > 0
    assert after == [summary["index"]] and before != after
    assert summary["errors"] == 0 and summary["pages"] > 80


def test_delete_and_move_follow_the_page(
    live_updates, django_capture_on_commit_callbacks
):
    page = new_release(press_index(), "Festa e qershive në Pogragjë", "qershite")
    live_updates.append(page.pk)
    publish(page, django_capture_on_commit_callbacks)
    home = press_index().get_parent()
    hidden = Page(title="Arkivi i mbyllur", slug="arkivi-mbyllur")
    home.add_child(instance=hidden)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    refresh()
    assert titles("qershive pogragje") == ["Festa e qershive në Pogragjë"]
    with django_capture_on_commit_callbacks(execute=True):
        page.move(hidden, pos="last-child")
    refresh()
    assert titles("qershive pogragje") == []
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(press_index(), pos="last-child")
    refresh()
    assert titles("qershive pogragje") == ["Festa e qershive në Pogragjë"]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).delete()
    refresh()
    assert titles("qershive pogragje") == []


def test_drift_reports_a_page_the_index_missed(search_index):
    from search.drift import drift

    report = drift()
    assert report["missing"] == report["extra"] == set()
    decision = Page.objects.live().filter(slug="vendim-per-buxhetin-2019").first()
    remove([decision.pk])
    try:
        assert decision.pk in drift()["missing"]
    finally:
        with override_settings(SEARCH_AUTO_UPDATE=True):
            from search.sync import queue_pages

            queue_pages([decision.pk])
        sync_pending()
        refresh()
    assert drift()["missing"] == set()


def test_updates_during_a_rebuild_reach_the_new_index_too(
    live_updates, django_capture_on_commit_callbacks
):
    es = backend.client(timeout=30)
    building = backend.new_index_name()
    backend.create_index(es, building)
    try:
        page = new_release(press_index(), "Dita e pemëve në Livoç", "pemet")
        live_updates.append(page.pk)
        publish(page, django_capture_on_commit_callbacks)
        es.indices.refresh(index=building)
        assert es.exists(index=building, id=f"page-{page.pk}")
        refresh()
        assert titles("pemeve livoc") == ["Dita e pemëve në Livoç"]
    finally:
        es.indices.delete(index=building)
        es.close()


def test_collection_restriction_follows_into_the_index(
    live_updates, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    from home.demo_pdf import minimal_pdf

    parent = Collection.get_first_root_node().add_child(name="Kabineti")
    memos = parent.add_child(name="Memo")
    document = get_document_model()(title="Memo per rrugen Zhegovac", collection=memos)
    phrase = "Kalldrmi i rrugës Zhegovac-Malishevë"
    document.file.save("memo.pdf", ContentFile(minimal_pdf([phrase])), save=False)
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    document.refresh_from_db()
    assert phrase in document.extracted_text
    page = new_release(press_index(), "Punimet ne rrugë", "punimet-rruge")
    page.attachments = [("attachment", {"document": document, "title": ""})]
    live_updates.append(page.pk)
    publish(page, django_capture_on_commit_callbacks)
    ids = {f"page-{page.pk}", f"document-{document.pk}-{page.pk}"}

    def found(q):
        refresh()
        return {r["id"] for r in search(parse_params({"q": q}, "sq"))["results"]}

    try:
        assert ids <= found("kalldrmi zhegovac")
        # Restricting the parent collection hides the document and its text,
        # from its own result and from the page's.
        with django_capture_on_commit_callbacks(execute=True):
            restriction = CollectionViewRestriction.objects.create(
                collection=parent, restriction_type="login"
            )
        assert found("kalldrmi zhegovac") == set()
        assert found("memo rrugen") == set()
        assert f"page-{page.pk}" in found("punimet rruge")
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()
        assert ids <= found("kalldrmi zhegovac")
    finally:
        es = backend.client(timeout=30)
        es.options(ignore_status=404).delete(
            index=backend.alias_name(), id=f"document-{document.pk}-{page.pk}"
        )
        es.close()
