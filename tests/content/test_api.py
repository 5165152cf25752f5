import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_pages_listing_has_every_locale(client, demo_site):
    # Newest first: the demo's translations were added after its sources.
    data = get_json(client, PAGES, limit=100, order="-id")
    locales = {item["meta"]["locale"] for item in data["items"]}
    assert {"sq", "sr"} <= locales


def test_filter_by_type_and_locale(client, demo_site):
    data = get_json(
        client,
        PAGES,
        type="municipal_acts.MunicipalActPage",
        locale="sr",
        fields="official_number,status",
    )
    assert data["meta"]["total_count"] >= 1
    for item in data["items"]:
        assert item["meta"]["type"] == "municipal_acts.MunicipalActPage"
        assert item["meta"]["locale"] == "sr"
        assert item["official_number"]


def test_detail_exposes_every_api_field(client, demo_site):
    from municipal_acts.models import MunicipalActPage

    act = MunicipalActPage.objects.live().get(
        slug="rregullore-per-ndryshimin-e-taksave", locale__language_code="sq"
    )
    data = get_json(client, f"{PAGES}{act.pk}/")
    for field in MunicipalActPage.api_fields:
        assert field.name in data, field.name
    assert data["official_number"] == "01-045/18"
    assert data["status"] == "in_force"
    assert [target["id"] for target in data["amends"]] == [act.amends.get().pk]


@pytest.mark.parametrize(
    ("params", "expected_min", "expected_max"),
    [
        ({"published_after": "2018-06-01"}, "2018-06-01", None),
        ({"published_before": "2018-01-31"}, None, "2018-01-31"),
        (
            {"published_after": "2018-03-01", "published_before": "2018-03-31"},
            "2018-03-01",
            "2018-03-31",
        ),
    ],
)
def test_filter_by_publication_date(
    client, demo_site, params, expected_min, expected_max
):
    data = get_json(
        client,
        PAGES,
        type="press.PressReleasePage",
        fields="publication_date",
        limit=100,
        **params,
    )
    assert data["items"], "the demo has press releases in every month"
    for item in data["items"]:
        if expected_min:
            assert item["publication_date"] >= expected_min
        if expected_max:
            assert item["publication_date"] <= expected_max


def test_date_filter_applies_across_types(client, demo_site):
    every = get_json(client, PAGES, locale="sq", limit=1)["meta"]["total_count"]
    march = get_json(
        client,
        PAGES,
        locale="sq",
        published_after="2018-03-01",
        published_before="2018-03-31",
        limit=100,
    )
    assert 0 < march["meta"]["total_count"] < every
    types = {item["meta"]["type"] for item in march["items"]}
    assert "press.PressReleasePage" in types


@pytest.mark.parametrize(
    "params",
    [
        {"published_after": "yesterday"},
        {"published_before": "2018-13-45"},
        {"published_after": "2018-06-01", "published_before": "2018-01-01"},
        {"type": "nosuch.Model"},
        {"type": "press.PressReleasePage", "publication_date": "not-a-date"},
        {"type": "sessions.AssemblySessionPage"},
        {"type": "assembly_sessions.AssemblySessionPage", "number": "seven"},
        {"unknown": "1"},
        {"order": "nonsense"},
        {"limit": "lots"},
        {"child_of": "abc"},
    ],
)
def test_bad_filter_values_answer_400_with_a_message(client, demo_site, params):
    data = get_json(client, PAGES, status=400, **params)
    assert data["message"]


def test_unknown_locale_answers_404_json(client, demo_site):
    data = get_json(client, PAGES, status=404, locale="xx")
    assert data["message"]


def test_drafts_and_private_pages_are_absent(client, hidden_pages):
    ids, offset = set(), 0
    while True:  # every page of the listing (the demo has ~400 press releases)
        data = get_json(
            client,
            PAGES,
            type="press.PressReleasePage",
            locale="sq",
            limit=100,
            offset=offset,
        )
        ids |= {item["id"] for item in data["items"]}
        offset += 100
        if offset >= data["meta"]["total_count"]:
            break
    assert data["meta"]["total_count"] == len(ids)
    assert hidden_pages["draft"].pk not in ids
    assert hidden_pages["private"].pk not in ids
    for page in hidden_pages.values():
        get_json(client, f"{PAGES}{page.pk}/", status=404)
    # The words of the hidden pages' summaries may fuzzily match real public
    # pages (sr "šećera"); what must hold is that only live, public pages answer.
    search = get_json(client, PAGES, search="secret")
    found = {item["id"] for item in search["items"]}
    assert not found & {page.pk for page in hidden_pages.values()}
    assert Page.objects.live().public().filter(pk__in=found).count() == len(found)


def test_images_and_documents_endpoints_answer(client, demo_site):
    for endpoint in ("images", "documents"):
        data = get_json(client, f"/api/v2/{endpoint}/")
        assert "total_count" in data["meta"]


def test_openapi_schema_describes_the_endpoints(client, demo_site):
    schema = get_json(client, "/api/schema/")
    assert schema["openapi"].startswith("3.")
    listing = schema["paths"]["/api/v2/pages/"]["get"]
    names = {parameter["name"] for parameter in listing["parameters"]}
    assert {"type", "locale", "published_after", "published_before"} <= names
    assert "400" in listing["responses"]
    assert "/api/v2/pages/{id}/" in schema["paths"]


def test_other_apps_can_register_paths(client, demo_site):
    from core import openapi

    path = "/api/probe-registered/"
    openapi.register_path(path, {"get": {"summary": "Probe"}})
    try:
        schema = get_json(client, "/api/schema/")
        assert schema["paths"][path]["get"]["summary"] == "Probe"
    finally:
        openapi._paths.pop(path)
    with pytest.raises(ValueError):
        openapi.register_path("api/search/", {})


def test_department_and_topics_are_named(client, demo_site):
    from municipal_acts.models import DecisionPage

    decision = DecisionPage.objects.live().get(
        slug="vendim-per-buxhetin-2019", locale__language_code="sq"
    )
    data = get_json(client, f"{PAGES}{decision.pk}/")
    assert data["department"] == {
        "id": decision.department_id,
        "name": decision.department.name,
    }
    assert data["topics"] == [
        {"id": topic.pk, "name": topic.name} for topic in decision.topics.all()
    ]


def test_documents_in_a_restricted_collection_are_absent(client, demo_site):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    internal = root.add_child(name="Internal papers")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type="password", password="s3cret"
    )
    document_model = get_document_model()
    public = document_model.objects.create(
        title="Public budget", file=ContentFile(b"budget", name="budget.txt")
    )
    hidden = document_model.objects.create(
        title="Internal memo",
        file=ContentFile(b"memo", name="memo.txt"),
        collection=internal,
    )
    ids = {item["id"] for item in get_json(client, "/api/v2/documents/")["items"]}
    assert public.pk in ids
    assert hidden.pk not in ids
    get_json(client, f"/api/v2/documents/{hidden.pk}/", status=404)
