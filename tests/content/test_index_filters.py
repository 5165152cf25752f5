import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


class SectionPath(dict):
    """/{code}/<the section's slug in that language>/ (each language its own)."""

    def format(self, code):
        return f"/{code}/{self[code]}/"


INDEXES = {
    "acts": SectionPath(sq="aktet", sr="akti"),
    "decisions": SectionPath(sq="vendimet", sr="odluke"),
    "minutes": SectionPath(sq="procesverbalet", sr="zapisnici"),
    "competitions": SectionPath(sq="konkurset", sr="konkursi"),
    "press": SectionPath(sq="komunikata", sr="saopstenja"),
    "sessions": SectionPath(sq="seancat", sr="sednice"),
}
# Queries to render one index page (site, locale, page, view restrictions, filter
# choices, count, items, language switcher). Measured: 16 for one page type, 20
# for the press index's three; it must not grow with the number of items listed.
MAX_QUERIES = 22


def count_shown(html):
    match = re.search(r'<p class="count" role="status">(\d+) ', html)
    assert match, "the item count is shown"
    return int(match.group(1))


def card_titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def index_page(model_label, code="sq"):
    from django.apps import apps

    return apps.get_model(model_label).objects.get(locale__language_code=code)


@pytest.mark.parametrize("section", INDEXES)
@pytest.mark.parametrize("code", ["sq", "sr"])
def test_index_renders_an_accessible_filter_form(client, demo_site, section, code):
    response = client.get(INDEXES[section].format(code=code))
    assert response.status_code == 200
    html = response.content.decode()
    form = html[html.index('<form class="filters"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form
    selects = re.findall(r'<select name="([a-z_]+)" id="(id_[a-z_]+)"', form)
    assert selects, "every index offers at least one filter"
    for _name, field_id in selects:
        assert f'<label for="{field_id}">' in form
    assert '<button type="submit">' in form
    index = response.context["page"]
    expected = sum(
        model.objects.child_of(index).live().public().count()
        for model in index.item_models()
    )
    assert count_shown(html) == expected
    if code == "sq":
        assert expected >= 1
    if any(getattr(m, "feed_slug", "") for m in index.item_models()):
        assert 'type="application/rss+xml" title=' in html


@pytest.mark.parametrize("section", INDEXES)
def test_index_query_count_does_not_grow_with_items(
    client, demo_site, section, django_assert_max_num_queries, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = INDEXES[section].format(code="sq")
    client.get(url)  # warm Wagtail's site-root-paths cache like a live server
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    index = response.context["page"]
    assert len(response.context["items"]) >= 2
    # Listing one item costs as many queries as listing twenty, but for one
    # query per further page type that `specific()` loads (press: three types).
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    monkeypatch.setattr(type(index), "per_page", 1)
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert len(response.context["items"]) == 1
    extra_types = len(index.item_models()) - 1
    assert 0 <= len(many.captured_queries) - len(one.captured_queries) <= extra_types
    print(f"{section}: {len(many.captured_queries)} queries")


def test_press_index_query_count_with_every_filter(
    client, demo_site, django_assert_max_num_queries
):
    from core.models import Department

    department = Department.objects.get(
        locale__language_code="sq", name="Zyra për Informim Publik"
    )
    url = f"/sq/komunikata/?year=2018&type=noticepage&department={department.pk}"
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


def test_year_filter(client, demo_site):
    from press.models import PressReleasePage

    every = count_shown(client.get("/sq/komunikata/").content.decode())
    html = client.get("/sq/komunikata/?year=2018").content.decode()
    assert count_shown(html) == every
    html = client.get("/sq/komunikata/?year=2017").content.decode()
    # 2017 is not offered: the demo published nothing that year.
    assert '<div class="form-errors" role="alert">' in html
    assert PressReleasePage.objects.filter(publication_date__year=2017).count() == 0


def test_type_filter_on_the_press_index(client, demo_site):
    from press.models import NoticePage

    html = client.get("/sq/komunikata/?type=noticepage").content.decode()
    notices = set(
        NoticePage.objects.live()
        .filter(locale__language_code="sq")
        .values_list("title", flat=True)
    )
    assert count_shown(html) == len(notices)
    assert set(card_titles(html)) == notices


def test_department_filter_across_page_types(client, demo_site):
    from core.models import Department
    from press.models import InvitationPage, NoticePage, PressReleasePage

    department = Department.objects.get(
        locale__language_code="sq", name="Zyra për Informim Publik"
    )
    expected = sum(
        model.objects.live()
        .filter(locale__language_code="sq", department=department)
        .count()
        for model in (PressReleasePage, NoticePage, InvitationPage)
    )
    html = client.get(f"/sq/komunikata/?department={department.pk}").content.decode()
    assert count_shown(html) == expected > 0


def test_department_of_another_language_is_rejected(client, demo_site):
    from core.models import Department

    serbian = Department.objects.filter(locale__language_code="sr").first()
    response = client.get(f"/sq/komunikata/?department={serbian.pk}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=amended", "status"),
        ("status=in_force", "status"),
        ("act_type=statute", "act_type"),
        ("issuing_body=assembly", "issuing_body"),
    ],
)
def test_act_filters_match_the_database(client, demo_site, query, field):
    from municipal_acts.models import MunicipalActPage

    value = query.split("=")[1]
    expected = set(
        MunicipalActPage.objects.live()
        .filter(locale__language_code="sq", **{field: value})
        .values_list("title", flat=True)
    )
    html = client.get(f"/sq/aktet/?{query}").content.decode()
    assert set(card_titles(html)) == expected
    assert count_shown(html) == len(expected)


@pytest.mark.parametrize("state", ["upcoming", "open", "closed", "results"])
def test_competition_state_filter_agrees_with_state_at(client, demo_site, state):
    from municipal_acts.models import CompetitionPage

    now = timezone.now()
    expected = {
        page.title
        for page in CompetitionPage.objects.live().filter(locale__language_code="sq")
        if page.state_at(now) == state
    }
    html = client.get(f"/sq/konkurset/?state={state}").content.decode()
    assert set(card_titles(html)) == expected
    assert count_shown(html) == len(expected)


def test_pagination_keeps_the_filters(client, demo_site):
    html = client.get(
        "/sq/komunikata/?year=2018&type=pressreleasepage"
    ).content.decode()
    assert count_shown(html) > 20
    assert 'href="?year=2018&amp;type=pressreleasepage&amp;page=2"' in html
    second = client.get("/sq/komunikata/?year=2018&type=pressreleasepage&page=2")
    assert second.status_code == 200
    first_titles = set(card_titles(html))
    assert first_titles.isdisjoint(card_titles(second.content.decode()))


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=1900",
        "status=sideways",
        "department=999999",
        "department=x",
        "type=nosuchpage",
        "state=%00",
    ],
)
def test_malformed_filters_get_a_friendly_400(client, demo_site, query):
    url = "/sq/komunikata/" if "type" in query else "/sq/aktet/"
    if "state" in query:
        url = "/sq/konkurset/"
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<div class="form-errors" role="alert">' in html
    assert "Disa vlera të filtrave nuk u kuptuan" in html
    assert "Hiq filtrat" in html  # "Clear filters"
    field = query.split("=")[0]
    assert f'aria-describedby="id_{field}-error"' in html
    assert f'id="id_{field}-error"' in html


@pytest.mark.parametrize("number", ["abc", "0", "-1", "999", "2.5"])
def test_bad_page_numbers_are_a_friendly_404(client, demo_site, number):
    response = client.get(f"/sq/komunikata/?year=2018&page={number}")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<div class="form-errors" role="alert">' in html
    assert "Nuk ka faqe të tillë rezultatesh." in html
    assert 'href="/sq/komunikata/?year=2018"' in html


def test_filter_form_speaks_albanian_and_serbian(client, demo_site):
    sq = client.get("/sq/aktet/?status=sideways").content.decode()
    assert "Shfaq rezultatet" in sq and "Hiq filtrat" in sq
    sr = client.get("/sr/akti/").content.decode()
    assert "Prikaži rezultate" in sr


def test_private_and_draft_items_are_not_listed(client, hidden_pages):
    html = client.get("/sq/komunikata/?type=pressreleasepage").content.decode()
    assert "Draft press release never published" not in html
    assert "Private press release behind a password" not in html
