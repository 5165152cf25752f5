import pytest
from django.apps import apps
from django.test import Client

from tests.localization.helpers import translate

OLD = "Taksa paguhet deri më 31 mars."
# The editor typed angle brackets as text; they must stay text.
NEW = "Taksa paguhet deri më 30 prill &lt;b&gt;pa kamatë&lt;/b&gt;."


def paragraph(*sentences):
    return [{"type": "paragraph", "value": f"<p>{' '.join(sentences)}</p>"}]


@pytest.fixture
def edited_act(demo_site, django_capture_on_commit_callbacks):
    model = apps.get_model("municipal_acts.MunicipalActPage")
    act = model.objects.filter(locale__language_code="sq").live().first()
    with django_capture_on_commit_callbacks(execute=True):
        act.body = paragraph("Neni 1 mbetet i njëjtë.", OLD)
        act.save_revision().publish()
        act.body = paragraph("Neni 1 mbetet i njëjtë.", NEW)
        act.save_revision().publish()
    return act


@pytest.mark.django_db
def test_change_log_shows_the_edited_sentence_escaped(edited_act):
    response = Client().get(f"{edited_act.url}changes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<del>31 mars.</del>" in html
    assert "<ins>30 prill &lt;b&gt;pa kamatë&lt;/b&gt;.</ins>" in html
    assert "<b>pa kamatë</b>" not in html
    # The unchanged sentence sits on both sides, unmarked.
    assert html.count("Neni 1 mbetet i njëjtë.") >= 2
    assert len(response.context["versions"]) >= 2


@pytest.mark.django_db
def test_change_log_compares_chosen_versions_and_refuses_others(edited_act):
    client = Client()
    versions = client.get(f"{edited_act.url}changes/").context["versions"]
    newest, older = versions[0][1].pk, versions[-1][1].pk
    response = client.get(f"{edited_act.url}changes/?from={older}&to={newest}")
    assert response.status_code == 200
    draft = edited_act.save_revision()
    response = client.get(f"{edited_act.url}changes/?from={older}&to={draft.pk}")
    assert response.status_code == 400


@pytest.mark.django_db
def test_change_log_in_the_readers_language_with_the_amendment_chain(
    demo_site, django_capture_on_commit_callbacks
):
    model = apps.get_model("municipal_acts.MunicipalActPage")
    amending = (
        model.objects.filter(locale__language_code="sq", amends__isnull=False)
        .live()
        .first()
    )
    if amending is None:
        pytest.skip("no amending act in the demo")
    amended = amending.amends.first()
    with django_capture_on_commit_callbacks(execute=True):
        for page in (amended, amending):
            if not page.get_translations().filter(locale__language_code="tr").exists():
                translate(page, "tr")
    amended_tr = amended.get_translations().get(locale__language_code="tr")
    amending_tr = amending.get_translations().get(locale__language_code="tr")
    response = Client().get(f"{amended_tr.url}changes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="tr"' in html
    assert amending_tr.url in html
    assert amending_tr.title in html


@pytest.mark.django_db
def test_change_log_dates_versions_by_publication_not_by_import(
    demo_site, django_capture_on_commit_callbacks
):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    model = apps.get_model("municipal_acts.MunicipalActPage")
    index = apps.get_model("municipal_acts.ActIndexPage").objects.get(
        locale__language_code="sq"
    )
    act = model(
        title="Rregullore për tregjet",
        official_number="01-555/18",
        adoption_date=date(2018, 2, 27),
        entry_into_force_date=date(2018, 3, 14),
    )
    index.add_child(instance=act)
    with django_capture_on_commit_callbacks(execute=True):
        act.save_revision().publish()
    # What an importer does: the act went public in 2018, not today.
    published = datetime(2018, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/Belgrade"))
    model.objects.filter(pk=act.pk).update(
        first_published_at=published, last_published_at=published
    )
    act.refresh_from_db()
    act.entry_into_force_date = date(2018, 4, 1)
    with django_capture_on_commit_callbacks(execute=True):
        act.save_revision().publish()
    response = Client().get(f"{act.url}changes/")
    assert response.status_code == 200
    rows = response.context["version_rows"]
    assert [row["moment"].date() for row in rows][-1] == date(2018, 3, 1)
    assert rows[0]["moment"].year > 2018  # the later edit, dated when it went live
    # Each version shows the dates the act itself states.
    assert [row["dates"] for row in rows] == [
        [date(2018, 2, 27), date(2018, 4, 1)],
        [date(2018, 2, 27), date(2018, 3, 14)],
    ]
    html = response.content.decode()
    assert '<time datetime="2018-03-01T09:00:00+01:00">1.3.2018 09:00</time>' in html
    assert '<time datetime="2018-03-14">14.3.2018</time>' in html
