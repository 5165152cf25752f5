import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Locale, Page

from core.models import Department
from tests.localization.helpers import translate

PAGE_TYPES = [
    "municipal_acts.MunicipalActPage",
    "municipal_acts.DecisionPage",
    "municipal_acts.MinutesPage",
    "municipal_acts.CompetitionPage",
    "press.PressReleasePage",
    "press.NoticePage",
    "press.InvitationPage",
    "assembly_sessions.AssemblySessionPage",
]
REFERENCES = {
    "MunicipalActPage": "official_number",
    "DecisionPage": "decision_number",
    "CompetitionPage": "reference_number",
}


def untranslated(model, code):
    for page in model.objects.filter(locale__language_code="sq").live():
        if not page.get_translations().filter(locale__language_code=code).exists():
            return page
    # The demo publishes every official document in every language: translate
    # a fresh copy of one (a new translation key, so it has no translations).
    page = model.objects.filter(locale__language_code="sq").live().first()
    return page.copy(
        to=page.get_parent(),
        update_attrs={"slug": f"{page.slug}-kopje", "title": f"{page.title} (2)"},
        reset_translation_key=True,
        keep_live=True,
    ).specific


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("model_path", PAGE_TYPES)
@pytest.mark.parametrize("code", ["sr", "tr"])
def test_each_page_type_translates(
    demo_site, model_path, code, django_capture_on_commit_callbacks
):
    model = apps.get_model(model_path)
    source = untranslated(model, code)
    with django_capture_on_commit_callbacks(execute=True):
        translate(source, code)
    target = model.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )
    assert target.live
    assert target.title == f"[{code}] {source.title}"
    # Its own slug, from the translated one ("[sr] x" → "sr-x"); synchronized:
    # dates and official references.
    assert target.slug == f"{code}-{source.slug}"
    assert target.publication_date == source.publication_date
    reference = REFERENCES.get(model.__name__)
    if reference:
        assert getattr(target, reference) == getattr(source, reference)
    response = Client().get(target.url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_department_snippet_translates_with_synchronized_contacts(demo_site):
    sq = Locale.objects.get(language_code="sq")
    department = Department.objects.create(
        locale=sq, name="Drejtoria e Kulturës", email="kultura@example.org"
    )
    translate(department, "sr")
    copy = Department.objects.get(
        translation_key=department.translation_key, locale__language_code="sr"
    )
    assert copy.name == "[sr] Drejtoria e Kulturës"
    assert copy.email == "kultura@example.org"


@pytest.mark.django_db
def test_parent_and_children_translated_together_stay_reachable(
    demo_site, django_capture_on_commit_callbacks
):
    """wagtail-localize #773: publishing the parent on commit must not leave it
    looking childless."""
    acts_sq = Page.objects.get(locale__language_code="sq", slug="aktet")
    # The demo gives each language its own slug ("acts" in English).
    acts_sq.get_translations().get(locale__language_code="en").delete()
    children = list(acts_sq.get_children().live().specific()[:2])
    assert children
    with django_capture_on_commit_callbacks(execute=True):
        translate(acts_sq.specific, "en")
        for child in children:
            translate(child, "en")
    acts_en = acts_sq.get_translation(Locale.objects.get(language_code="en"))
    assert acts_en.live
    assert acts_en.numchild == acts_en.get_children().count() == len(children)
    for child in acts_en.get_children():
        assert child.url.startswith(f"/en/{acts_en.slug}/")
        response = Client().get(child.url)
        assert response.status_code == 200, child.url


@pytest.mark.django_db
def test_draft_translation_is_not_public(demo_site, django_capture_on_commit_callbacks):
    model = apps.get_model("press.PressReleasePage")
    source = untranslated(model, "tr")
    with django_capture_on_commit_callbacks(execute=True):
        translate(source, "tr", publish=False)
    target = model.objects.get(
        translation_key=source.translation_key, locale__language_code="tr"
    )
    assert not target.live
    client = Client()
    assert target.url.startswith("/tr/")
    assert client.get(target.url).status_code == 404
    # The switcher sends Turkish readers to the "not yet available" page.
    source_page = client.get(source.url)
    not_available = f"/tr/not-available/{source.pk}/"
    assert not_available in source_page.content.decode()
    response = client.get(not_available)
    assert response.status_code == 200
    assert source.url in response.content.decode()
    api = client.get("/api/parity/").json()
    section = next(
        row for row in api["sections"] if row["section"]["id"] == source.get_parent().pk
    )
    tr = next(row for row in section["locales"] if row["locale"] == "tr")
    assert source.pk in [gap["id"] for gap in tr["gaps"]]
