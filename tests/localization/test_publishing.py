"""A translation is public only once a translator publishes it (issue 11, 2)."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from localization.slugs import ascii_slug

pytestmark = pytest.mark.django_db

SERBIAN = {
    "Rregullore për parkimin në qendër": "Правилник о паркирању у центру",
    "Parkimi në qendër kufizohet në dy orë.": (
        "Паркирање у центру ограничено је на два сата."
    ),
}


@pytest.fixture
def act(demo_site, django_capture_on_commit_callbacks):
    model = apps.get_model("municipal_acts.MunicipalActPage")
    index = apps.get_model("municipal_acts.ActIndexPage").objects.get(
        locale__language_code="sq"
    )
    page = model(
        title="Rregullore për parkimin në qendër",
        summary="Parkimi në qendër kufizohet në dy orë.",
        official_number="01-777/18",
    )
    index.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def parity_gaps(client, section_id, code):
    sections = client.get("/api/parity/").json()["sections"]
    row = next(row for row in sections if row["section"]["id"] == section_id)
    locale = next(entry for entry in row["locales"] if entry["locale"] == code)
    return locale["available"], [gap["id"] for gap in locale["gaps"]]


def logged_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_new_albanian_page_gets_an_ascii_slug(act):
    assert act.slug == "rregullore-per-parkimin-ne-qender"
    assert act.url == "/sq/aktet/rregullore-per-parkimin-ne-qender/"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Vendim për çështjet e ëmbëlsirave", "vendim-per-ceshtjet-e-embelsirave"),
        ("Одлука о буџету за Ђурђевдан", "odluka-o-budzetu-za-djurdjevdan"),
        ("Odluka o đačkom domu", "odluka-o-djackom-domu"),
        ("Belediye Meclisi kararı: ılıca", "belediye-meclisi-karari-ilica"),
    ],
)
def test_ascii_slug_transliterates_each_language(text, slug):
    assert ascii_slug(text) == slug


def test_translate_this_page_creates_a_draft_until_the_translator_publishes(
    act, django_capture_on_commit_callbacks
):
    sr = Locale.objects.get(language_code="sr")
    translator = logged_in("translator-sr")
    anonymous = Client()
    section_id = act.get_parent().pk
    available_before, gaps = parity_gaps(anonymous, section_id, "sr")
    assert act.pk in gaps

    # The queue's "Translate" button: wagtail-localize's submit view.
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            f"/admin/localize/submit/page/{act.pk}/", {"locales": [sr.pk]}
        )
    assert response.status_code == 302
    draft = act.get_translation(sr)
    assert not draft.live
    assert draft.title == act.title  # still Albanian: nothing to show yet

    # Citizens: the Serbian address says "not yet available" (a 404), the
    # switcher on the Albanian page points there, parity still counts a gap.
    response = anonymous.get(draft.url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Ova stranica još nije dostupna" in html
    assert act.url in html
    assert act.title in html
    source_html = anonymous.get(act.url).content.decode()
    assert f"/sr/not-available/{act.pk}/" in source_html
    assert draft.url not in source_html
    assert parity_gaps(anonymous, section_id, "sr") == (available_before, gaps)
    listed = anonymous.get(
        "/api/v2/pages/?locale=sr&type=municipal_acts.MunicipalActPage&limit=100"
    )
    assert draft.pk not in [item["id"] for item in listed.json()["items"]]

    # The translator translates every string (the slug too, in Cyrillic) ...
    translation = Translation.objects.get(
        source__object_id=act.translation_key, target_locale=sr
    )
    for segment in StringSegment.objects.filter(
        source=translation.source
    ).select_related("string", "context"):
        text = SERBIAN.get(segment.string.data)
        if segment.context.path == "slug":
            text = "Правилник о паркирању"
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=sr,
            context=segment.context,
            defaults={"data": text or segment.string.data},
        )
    # ... and publishes in wagtail-localize's editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            f"/admin/pages/{draft.pk}/edit/", {"action": "publish"}
        )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.title == "Правилник о паркирању у центру"
    assert draft.slug == "pravilnik-o-parkiranju"
    assert draft.official_number == act.official_number
    response = anonymous.get(draft.url)
    assert response.status_code == 200
    assert "Правилник о паркирању у центру" in response.content.decode()
    available_after, gaps_after = parity_gaps(anonymous, section_id, "sr")
    assert available_after == available_before + 1
    assert act.pk not in gaps_after


def test_only_a_translator_of_the_language_may_publish_it(
    act, django_capture_on_commit_callbacks
):
    from tests.localization.helpers import start_translation, translate_strings

    with django_capture_on_commit_callbacks(execute=True):
        _source, translation = start_translation(act, "sr")
        translate_strings(translation)
        translation.save_target(publish=False)
    draft = act.get_translation(Locale.objects.get(language_code="sr"))
    for username in ("translator-tr", "editor"):
        response = logged_in(username).post(
            f"/admin/pages/{draft.pk}/edit/", {"action": "publish"}
        )
        assert response.status_code in {302, 403}, username
        draft.refresh_from_db()
        assert not draft.live, username


def test_private_or_missing_pages_stay_plain_404s(demo_site):
    client = Client()
    response = client.get("/sr/no-such-section/no-such-page/")
    assert response.status_code == 404
    assert "Ova stranica još nije dostupna" not in response.content.decode()


def test_unrelated_draft_in_a_language_reveals_nothing(act):
    # A draft that is not a translation of anything live answers a plain 404.
    act.unpublish()
    assert not Page.objects.get(pk=act.pk).live
    response = Client().get(act.url or "/sq/aktet/rregullore-per-parkimin-ne-qender/")
    assert response.status_code == 404
    assert act.title not in response.content.decode()
