"""The editor searches the admin: pages by an inflected word and by a title
word typed without diacritics, then documents. Results, never a 500."""

import pytest

from .conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


def search(page, site, path, query):
    response = page.goto(f"{site.url}{path}?q={query}")
    assert response.status < 500, response.status
    return response


PARKING = "Vendim për rregullimin e parkimit në qendër të qytetit"
# The demo has no parking decision: one is published the way the office would,
# through Wagtail's own save and publish (and their index signals).
PUBLISH_PARKING = f"""
from wagtail.models import Locale
from municipal_acts.models import DecisionPage, DecisionIndexPage
index = DecisionIndexPage.objects.get(locale=Locale.objects.get(language_code="sq"))
page = DecisionPage(title="{PARKING}", slug="parkimi-qender")
index.add_child(instance=page)
page.save_revision().publish()
print(page.pk)
"""


def test_editor_finds_pages_and_documents(live_site, new_desktop):
    live_site.shell(PUBLISH_PARKING)
    editor = new_desktop()
    login(editor, live_site, "editor")

    # The title says "parkimit"; the editor types the form "parkimin".
    search(editor, live_site, "/admin/pages/search/", "parkimin")
    shot(editor, "admin-search-pages-parkimin")
    assert editor.get_by_text(PARKING).count()

    # "buxhetë" typed as "buxhete", and the decision's title says "buxhetit".
    search(editor, live_site, "/admin/pages/search/", "buxhete komunal")
    shot(editor, "admin-search-pages-buxhete")
    assert editor.get_by_text("Vendim për miratimin e buxhetit komunal").count()

    search(editor, live_site, "/admin/pages/search/", "cerdhe")
    shot(editor, "admin-search-pages-cerdhe")
    assert editor.get_by_text("regjistrimin e fëmijëve në çerdhe").count()

    search(editor, live_site, "/admin/documents/", "buxhet")
    shot(editor, "admin-search-documents-buxhet")
    assert editor.get_by_text("Aneksi i buxhetit 2019").count()
