"""A document in a restricted collection attached to a public page: the page and
the pages API show the public attachments only, not even the other's title."""

import pytest

from tests.search.test_documents import (
    nested_private_collection,
    new_document,
    press_release_with,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_secret_attachment():
    public = new_document("Plani-publik-i-parkimit", "plani publik")
    secret = new_document(
        "Memorandumi-sekret-i-kabinetit",
        "tekst sekret",
        collection=nested_private_collection(),
    )
    return press_release_with([public, secret])


def test_the_page_lists_only_public_attachments(client, page_with_secret_attachment):
    html = client.get(page_with_secret_attachment.url).content.decode()
    assert "Plani-publik-i-parkimit" in html
    assert "Memorandumi-sekret" not in html


def test_the_pages_api_gives_only_public_attachments(
    client, page_with_secret_attachment
):
    response = client.get(
        f"/api/v2/pages/{page_with_secret_attachment.pk}/",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    body = response.content.decode()
    attachments = response.json()["attachments"]
    assert len(attachments) == 1
    assert "Memorandumi-sekret" not in body
