"""The JSON API and the citizen page: filters, facets, sort, grouping, escaping."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def api(client, **params):
    response = client.get(reverse("search_api"), params)
    assert response.status_code == 200, response.content
    return response.json()


def facet(answer, name):
    return {bucket["value"]: bucket["count"] for bucket in answer["facets"][name]}


def test_answer_has_the_documented_shape(client, search_index):
    answer = api(client, q="buxhet", locale="sq")
    assert set(answer) >= {"query", "total", "page", "page_size", "degraded"}
    assert answer["degraded"] is False
    assert set(answer["facets"]) == {"type", "year", "locale", "department", "source"}
    assert set(answer["results"][0]) == {
        "id",
        "type",
        "title",
        "url",
        "locale",
        "date",
        "snippet",
        "languages",
        "reference_number",
        "source",
        "municipality",
        "attached_to",
    }
    assert answer["results"][0]["source"] == "local"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"type": "recipe"}, "type"),
        ({"locale": "de"}, "locale"),
        ({"lang": "de"}, "lang"),
        ({"from": "28.06.2018"}, "from"),
        ({"to": "2018-13-01"}, "to"),
        ({"from": "2018-06-01", "to": "2018-01-01"}, "from"),
        ({"year": "later"}, "year"),
        ({"sort": "random"}, "sort"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_invalid_parameters_answer_400_naming_them(client, params, parameter):
    response = client.get(reverse("search_api"), params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["error"]


def test_type_filter_does_not_shrink_its_own_facet(client, search_index):
    unfiltered = api(client, q="komuna", locale="sq")
    filtered = api(client, q="komuna", locale="sq", type="decision")
    assert facet(filtered, "type") == facet(unfiltered, "type")
    assert len(facet(unfiltered, "type")) > 1
    assert filtered["total"] == facet(unfiltered, "type")["decision"]
    assert {result["type"] for result in filtered["results"]} == {"decision"}
    # Other facets do follow the type filter.
    assert sum(facet(filtered, "year").values()) == filtered["total"]


def test_locale_facet_counts_other_languages(client, search_index):
    answer = api(client, q="budžet", locale="sr")
    locales = facet(answer, "locale")
    assert locales.get("sr", 0) >= 1
    assert answer["total"] == locales["sr"]
    every = api(client, q="budžet", locale="all")
    assert every["total"] >= answer["total"]


def test_year_and_date_range_filters(client, search_index):
    in_range = api(
        client,
        type="press_release",
        locale="sq",
        **{"from": "2018-03-01", "to": "2018-03-31"},
    )
    assert in_range["total"] > 0
    assert all("2018-03-01" <= r["date"] <= "2018-03-31" for r in in_range["results"])
    by_year = api(client, q="grante", locale="sq", year="2026")
    assert all(r["date"].startswith("2026") for r in by_year["results"])


def test_department_filter(client, search_index):
    answer = api(client, type="decision", locale="sq")
    departments = answer["facets"]["department"]
    assert departments
    chosen = departments[0]
    filtered = api(client, type="decision", locale="sq", department=chosen["value"])
    assert filtered["total"] == chosen["count"]


def test_competition_status_uses_the_dates(client, search_index):
    open_now = api(client, type="competition", locale="sq", status="open")
    titles = [r["title"] for r in open_now["results"]]
    assert titles == ["Grante për iniciativat e të rinjve"]
    closed = api(client, type="competition", locale="sq", status="closed")
    assert "Grante për iniciativat e të rinjve" not in [
        r["title"] for r in closed["results"]
    ]
    assert closed["total"] == 3


@pytest.mark.parametrize(("sort", "reverse"), [("newest", True), ("oldest", False)])
def test_sort_by_date(client, search_index, sort, reverse):
    answer = api(client, type="press_release", locale="sq", sort=sort, page_size=30)
    dates = [r["date"] for r in answer["results"]]
    assert len(dates) == 30
    assert dates == sorted(dates, reverse=reverse)


def test_pagination_does_not_repeat_results(client, search_index):
    first = api(client, type="press_release", locale="sq", sort="newest", page_size=10)
    second = api(
        client, type="press_release", locale="sq", sort="newest", page_size=10, page=2
    )
    assert first["total"] == second["total"] > 20
    assert not {r["id"] for r in first["results"]} & {
        r["id"] for r in second["results"]
    }


def test_translations_are_grouped_in_the_visitors_language(client, search_index):
    answer = api(client, q="01-110/18", locale="all", lang="sr")
    decisions = [r for r in answer["results"] if r["type"] == "decision"]
    assert len(decisions) == 1
    assert decisions[0]["locale"] == "sr"
    assert {language["locale"] for language in decisions[0]["languages"]} == {
        "sq",
        "tr",
        "en",
    }


def test_snippets_mark_matches(client, search_index):
    answer = api(client, q="buxhetin", locale="sq")
    assert any("<mark>" in r["snippet"] for r in answer["results"])


def test_suggest_returns_titles_by_prefix(client, search_index):
    response = client.get(
        reverse("search_suggest_api"), {"q": "vendim p", "locale": "sq"}
    )
    suggestions = response.json()["suggestions"]
    assert 0 < len(suggestions) <= 8
    assert all(s["title"].lower().startswith("vendim") for s in suggestions)
    assert {"title", "url", "type"} == set(suggestions[0])
    cyrillic = client.get(reverse("search_suggest_api"), {"q": "одлу", "locale": "sr"})
    assert any(
        "Odluka" in s["title"] or "Одлука" in s["title"]
        for s in cyrillic.json()["suggestions"]
    )


def test_search_page_renders_results_and_facet_links(client, search_index):
    response = client.get("/sq/search/", {"q": "vendimi per buxhetin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "për miratimin e buxhetit komunal për vitin 2019</a>" in html
    assert "<mark>" in html
    assert 'href="?q=vendimi+per+buxhetin&amp;type=decision' in html
    assert 'class="badge lang"' in html


def test_search_page_rejects_bad_parameters_without_500(client):
    response = client.get("/sq/search/", {"q": "x", "year": "abc"})
    assert response.status_code == 400
    assert "year" in response.content.decode()


def test_a_document_result_names_the_page_it_hangs_on(client, search_index):
    from home.search_demo import PDF_TITLE

    response = client.get("/api/search/", {"q": "ujesjellesit Perlepnice"})
    assert response.status_code == 200
    results = response.json()["results"]
    documents = [item for item in results if item["type"] == "document"]
    assert [item["title"] for item in documents] == [PDF_TITLE]
    parent = documents[0]["attached_to"]
    assert parent["url"].startswith("/sq/")
    page = client.get(parent["url"])
    assert page.status_code == 200
    assert parent["title"] in page.content.decode()
    assert all(
        item["attached_to"] is None for item in results if item["type"] != "document"
    )


def test_openapi_describes_what_the_api_returns():
    from search.api import RESULT_KEYS
    from search.openapi import SEARCH_API_PATHS

    operation = SEARCH_API_PATHS["/api/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {
        "q",
        "type",
        "lang",
        "locale",
        "from",
        "to",
        "year",
        "department",
        "issuing_body",
        "status",
        "source",
        "sort",
        "page",
        "page_size",
    }
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]["results"]["items"]["properties"]) == set(
        RESULT_KEYS
    )


def test_pages_api_search_uses_the_transparency_index(client, search_index):
    # A typo only the fuzzy, per-language transparency index forgives.
    response = client.get(
        "/api/v2/pages/",
        {"search": "buxhetit komunall", "type": "municipal_acts.DecisionPage"},
    )
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Vendim për miratimin e buxhetit komunal për vitin 2019" in titles
    ordered = client.get(
        "/api/v2/pages/", {"search": "buxhet", "order": "title", "limit": 100}
    ).json()["items"]
    assert [i["title"] for i in ordered] == sorted(i["title"] for i in ordered)


def test_suggestions_find_the_exact_title(search_index):
    from access_requests.suggestions import suggest_published_pages

    title = "Vendim për miratimin e buxhetit komunal për vitin 2019"
    assert suggest_published_pages(title, "sq")[0].title == title
