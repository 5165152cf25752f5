"""What page types register for search: states computed when asked (the same
rule in Python, SQL and Elasticsearch), source-neutral documents, the source
facet, and the deletions search listens to."""

import time
from datetime import timedelta

import pytest
from django.db.models.signals import post_delete
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from core.models import Department
from core.search_registry import registry
from search import backend
from search.fallback import search_database
from search.params import parse_params

from .conftest import refresh

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def api(client, **params):
    response = client.get(reverse("search_api"), params)
    assert response.status_code == 200, response.content
    return response.json()


def api_ids(client, **params):
    answer = api(client, locale="all", page_size=50, **params)
    assert answer["total"] <= 50
    return {int(result["id"].removeprefix("page-")) for result in answer["results"]}


def stateful_types():
    return [entry for entry in registry.types.values() if entry.states]


def test_types_with_states_are_registered_by_their_apps():
    assert {entry.key for entry in stateful_types()} == {"competition", "session"}


@pytest.mark.parametrize("key", ["competition", "session"])
def test_each_state_is_one_rule_in_python_sql_and_elasticsearch(
    client, search_index, key
):
    entry = registry.types[key]
    now = timezone.now()
    pages = list(entry.model.objects.live().public())
    assert pages, f"the demo content has no {key}"
    seen = set()
    for state in entry.states:
        expected = {
            page.pk for page in pages if entry.state_of(page, now) == state.value
        }
        seen |= expected
        # Language versions are grouped: the index answers one per item.
        groups = {page.translation_key for page in pages if page.pk in expected}
        found = api_ids(client, type=key, status=state.value)
        assert found <= expected, state.value
        assert {p.translation_key for p in pages if p.pk in found} == groups
        lookups = {spec.name: spec.lookup for spec in entry.fields}
        if all(lookups[rule.field] for rule in state.conditions):
            in_sql = set(
                entry.model.objects.live()
                .public()
                .filter(entry.state_condition(state.value, now))
                .values_list("pk", flat=True)
            )
            assert in_sql == expected, state.value
        degraded = search_database(
            parse_params(
                {"type": key, "status": state.value, "locale": "all", "page_size": 50},
                "sq",
            )
        )
        assert {r["page_id"] for r in degraded["results"]} <= expected
        assert degraded["total"] == len(groups), state.value
    # Every page is in exactly one state.
    assert seen == {page.pk for page in pages}


def test_python_state_matches_the_models_own(demo_site):
    now = timezone.now()
    for entry in stateful_types():
        for page in entry.model.objects.all():
            assert page.state_at(now) == entry.state_of(page, now)


@pytest.fixture
def live_updates(search_index, django_capture_on_commit_callbacks):
    created = []
    with override_settings(SEARCH_AUTO_UPDATE=True):
        yield created
    es = backend.client(timeout=30)
    for page_id in created:
        es.options(ignore_status=404).delete(
            index=backend.alias_name(), id=f"page-{page_id}", refresh=True
        )
    es.close()


def test_a_session_state_does_not_go_stale_in_the_index(
    client, live_updates, django_capture_on_commit_callbacks
):
    """Indexed while live; seconds later, with no re-index, it has ended."""
    from sessions.models import AssemblySessionIndexPage, AssemblySessionPage

    parent = AssemblySessionIndexPage.objects.get(locale__language_code="sq")
    now = timezone.now()
    page = AssemblySessionPage(
        title="Seanca e jashtëzakonshme për ujësjellësin",
        slug="seanca-ujesjellesi",
        summary="Seanca për ujësjellësin",
        number=99,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(seconds=3),
        locale=Locale.objects.get(language_code="sq"),
    )
    parent.add_child(instance=page)
    live_updates.append(page.pk)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    refresh()
    assert page.pk in api_ids(client, type="session", status="live")
    assert page.pk not in api_ids(client, type="session", status="ended")
    time.sleep(max(0, (page.ends_at - timezone.now()).total_seconds()) + 0.5)
    assert page.pk not in api_ids(client, type="session", status="live")
    assert page.pk in api_ids(client, type="session", status="ended")


def test_every_document_names_its_source_and_municipality(search_index):
    es = backend.client(timeout=30)
    try:
        total = es.count(index=backend.alias_name())["count"]
        local = es.count(
            index=backend.alias_name(),
            query={
                "bool": {
                    "filter": [
                        {"term": {"source": "local"}},
                        {"term": {"municipality": "gjilan"}},
                    ]
                }
            },
        )["count"]
    finally:
        es.close()
    assert total > 0
    assert local == total


@pytest.fixture
def external_item(search_index):
    """A document from another source, as a harvester would write it."""
    es = backend.client(timeout=30)
    doc_id = "ext-prishtina-portal-4711"
    es.index(
        index=backend.alias_name(),
        id=doc_id,
        document={
            "type": "notice",
            "group": doc_id,
            "translation_key": doc_id,
            "source": "prishtina-portal",
            "municipality": "prishtina",
            "locale": "sq",
            "title": "Njoftim për kalldrëmin e Prishtinës",
            "title_sq": "Njoftim për kalldrëmin e Prishtinës",
            "summary": "Rruga me kalldrëm",
            "url": "https://prishtina.example.org/njoftime/4711",
            "date": "2018-05-02",
            "year": 2018,
        },
        refresh=True,
    )
    yield doc_id
    es.delete(index=backend.alias_name(), id=doc_id, refresh=True)
    es.close()


def english_page(client, **params):
    """The citizen page in English, where the facet's title reads as in code."""
    with translation.override("en"):
        url = reverse("search")
    page = client.get(url, params).content.decode()
    assert '<html lang="en">' in page
    return page


def test_the_source_facet_is_hidden_while_there_is_one_source(client, search_index):
    page = english_page(client, q="buxhet", locale="sq")
    assert "Buxheti" in page
    assert "Municipality / source" not in page
    assert [b["value"] for b in api(client, q="buxhet")["facets"]["source"]] == [
        "local"
    ]


def test_other_sources_get_a_facet_and_keep_their_absolute_urls(client, external_item):
    answer = api(client, q="kalldrëm", locale="all")
    assert [r["url"] for r in answer["results"]] == [
        "https://prishtina.example.org/njoftime/4711"
    ]
    page = english_page(client, type="notice", locale="all")
    assert 'href="https://prishtina.example.org/njoftime/4711"' in page
    assert "Municipality / source" in page
    assert "prishtina / prishtina-portal" in page
    assert "Municipality of Gjilan / this site" in page
    only = api(client, type="notice", locale="all", source="prishtina-portal")
    assert [r["id"] for r in only["results"]] == [external_item]
    local = api(client, type="notice", locale="all", source="local")
    assert external_item not in [r["id"] for r in local["results"]]
    assert local["total"] > 0


def test_a_bad_source_is_a_400(client):
    response = client.get(reverse("search_api"), {"source": "<script>"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "source"


def search_receivers(sender):
    receivers, _async = post_delete._live_receivers(sender)
    return [r for r in receivers if getattr(r, "__module__", "") == "search.signals"]


def test_post_delete_listens_only_to_searchable_pages_and_documents():
    from wagtail.documents import get_document_model

    from press.models import PressReleasePage

    assert search_receivers(PressReleasePage)
    assert search_receivers(get_document_model())
    assert not search_receivers(Department)
    assert not search_receivers(Locale)
