"""Admin → Sources in the admin user's language: the list's labels, its
buttons and the last error of a source that is down read in Albanian, Serbian
or Turkish (Wagtail follows the browser's language when the user chose none),
while the log and `last_error` keep the English text."""

import pytest

from sources import sync
from sources.models import Source
from sources.remote import Invalid
from tests.browser.conftest import free_port

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def down_source(db, hub_index):
    source = Source.objects.create(
        slug="viti",
        name="Komuna e Vitisë",
        kind=Source.TRANSPARENCA,
        base_url=f"http://127.0.0.1:{free_port()}",  # nothing listens
        municipality="viti",
        municipality_name="Viti",
        timeout=1.0,
    )
    sync.reconcile(source)
    source.refresh_from_db()
    return source


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    return client


def sources_page(client, language):
    response = client.get("/admin/sources/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_english_error_is_kept_for_the_log(down_source):
    assert "unreachable" in down_source.last_error
    assert (
        down_source.error_details[0]["message"] == "%(url)s: unreachable (%(reason)s)"
    )


@pytest.mark.parametrize(
    "language, words, error",
    [
        (
            "sq",
            ["Burimet", "Shto një burim", "Sinkronizo tani", "Gabimi i fundit"],
            ": nuk arrihet (",
        ),
        ("sr", ["Dodaj izvor", "Sinhronizuj sada"], ": nedostupno ("),
        ("tr", ["Kaynak ekle", "Şimdi eşitle"], ": ulaşılamıyor ("),
    ],
)
def test_the_list_reads_in_the_admins_language(
    admin_client, down_source, language, words, error
):
    page = sources_page(admin_client, language)
    for word in words:
        assert word in page, word
    assert error in page
    for english in ["unreachable", "Add source", "Sync now", "Last error"]:
        assert english not in page, english
    # The row's menu too (Wagtail's own words would be English in sq and sr).
    assert {"sq": "Ndrysho", "sr": "Uredi", "tr": "Düzenle"}[language] in page


def test_english_stays_english(admin_client, down_source):
    page = sources_page(admin_client, "en")
    assert "unreachable" in page and "Add a source" in page


def test_items_sent_badly_are_named_and_translated(admin_client, down_source):
    down_source.set_errors(
        [("act-9", Invalid("an item needs a title")), ("act-10", KeyError("date"))]
    )
    down_source.save()
    assert down_source.last_error == "act-9: an item needs a title; act-10: 'date'"
    page = sources_page(admin_client, "sq")
    assert "act-9: elementi duhet të ketë titull; act-10: &#x27;date&#x27;" in page


def test_an_error_recorded_as_text_only_shows_as_it_was(admin_client, down_source):
    # Rows written before the errors were kept translatable.
    Source.objects.filter(pk=down_source.pk).update(
        last_error="old: <b>boom</b>", error_details=[]
    )
    page = sources_page(admin_client, "sq")
    assert "old: &lt;b&gt;boom&lt;/b&gt;" in page
