"""The editor searches the admin: pages by an inflected word and by a title
word typed without diacritics, then documents. Results, never a 500."""

import pytest

from .conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


def search(page, site, path, query):
    response = page.goto(f"{site.url}{path}?q={query}")
    assert response.status < 500, response.status
    return response


def test_editor_finds_pages_and_documents(live_site, new_desktop):
    editor = new_desktop()
    login(editor, live_site, "editor")

    search(editor, live_site, "/admin/pages/search/", "parkimin")
    shot(editor, "admin-search-pages-parkimin")

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
