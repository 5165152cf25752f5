"""Restricted documents stay out of the public index and off /media/; uploads of
hostile files succeed and say why their text was not extracted."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
)

from home.demo_pdf import minimal_pdf
from search.indexing import page_documents, restricted_collection_ids
from search.labels import attached_pages
from search.results import result

from .bombs import docx_bomb, pdf_bomb

pytestmark = pytest.mark.django_db


def new_document(title, text, collection=None):
    document = get_document_model()(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(f"{title}.pdf", ContentFile(minimal_pdf([text])), save=False)
    document._set_document_file_metadata()
    document.save()
    # The text as the worker would store it (extraction is tested elsewhere).
    type(document).objects.filter(pk=document.pk).update(
        extracted_text=text, extraction_status="done"
    )
    document.refresh_from_db()
    return document


def nested_private_collection():
    """A collection restricted at its parent, not on itself."""
    root = Collection.get_first_root_node()
    parent = root.add_child(name="Zyra e brendshme")
    CollectionViewRestriction.objects.create(
        collection=parent, restriction_type="login"
    )
    return parent.add_child(name="Memorandume")


def press_release_with(documents, slug="njoftim-shtojca"):
    from press.models import PressIndexPage, PressReleasePage

    parent = PressIndexPage.objects.get(locale__language_code="sq")
    page = PressReleasePage(
        title="Njoftim me shtojca",
        slug=slug,
        summary="Shtojcat e njoftimit",
        locale=Locale.objects.get(language_code="sq"),
        attachments=[
            ("attachment", {"document": doc, "title": ""}) for doc in documents
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_restricted_documents_give_the_index_nothing_not_even_a_title():
    private = nested_private_collection()
    assert private.pk in restricted_collection_ids()
    public = new_document("Plani publik", "Fraza publike e planit")
    secret = new_document("Memo sekret i kryetarit", "Fraza sekrete xyzzy", private)
    page = press_release_with([public, secret])

    sources = dict(page_documents(page))

    assert f"document-{public.pk}-{page.pk}" in sources
    assert f"document-{secret.pk}-{page.pk}" not in sources
    everything = repr(sources)
    assert "Fraza publike e planit" in everything
    assert "xyzzy" not in everything and "Memo sekret" not in everything


def test_no_page_or_attachment_carries_the_group_the_facets_count_apart():
    # search/facets.py counts a page and its attachments by their doc_count
    # and only documents that may share a group within one language (other
    # sites' items) by a distinct count of this field.
    page = press_release_with([new_document("Plani", "Teksti i planit")])
    sources = dict(page_documents(page))
    attachments = [s for key, s in sources.items() if key.startswith("document-")]
    assert len(attachments) == 1
    assert "repeatable_group" not in attachments[0]
    assert "repeatable_group" not in sources[f"page-{page.pk}"]


def test_an_attachment_is_one_result_with_its_page_in_every_language():
    plan = new_document("Plani", "Teksti i planit")
    first = press_release_with([plan], slug="plani-i-pare")
    second = press_release_with([plan], slug="plani-i-dyte")
    serbian = first.copy_for_translation(Locale.objects.get(language_code="sr"))
    serbian.save_revision().publish()

    def attachment_group(page):
        sources = dict(page_documents(page.specific))
        return sources[f"document-{plan.pk}-{page.pk}"]["group"]

    # One group per page it hangs on, its language versions included.
    assert attachment_group(first) == attachment_group(serbian)
    assert attachment_group(first) != attachment_group(second)


def test_a_document_result_names_its_page_unless_the_page_is_private():
    plan = new_document("Plani i named", "Teksti i planit")
    public = press_release_with([plan], slug="plani-publik")
    private = press_release_with([plan], slug="plani-privat")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    results = [
        shaped(f"document-{plan.pk}-{page.pk}", source)
        for page in (public, private)
        for doc_id, source in page_documents(page)
        if doc_id.startswith("document-")
    ]
    results.append(
        shaped(f"page-{public.pk}", dict(page_documents(public))[f"page-{public.pk}"])
    )
    named = attached_pages(results)
    assert named[0]["attached_to"] == {"title": public.title, "url": public.url}
    assert named[1]["attached_to"] is None
    assert "attached_to" not in named[2]


def shaped(doc_id, source):
    return result(source, doc_id, source["title"], "")


def test_lifting_the_restriction_brings_the_document_back():
    private = nested_private_collection()
    secret = new_document("Memo i vjeter", "Teksti qe behet publik", private)
    page = press_release_with([secret])
    assert f"document-{secret.pk}-{page.pk}" not in dict(page_documents(page))
    CollectionViewRestriction.objects.all().delete()
    assert f"document-{secret.pk}-{page.pk}" in dict(page_documents(page))


def test_documents_live_outside_media_root_and_only_the_view_serves_them(client):
    private = nested_private_collection()
    public = new_document("Buxheti", "Buxheti publik")
    secret = new_document("Memo", "Memo sekret", private)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    for document in (public, secret):
        path = Path(document.file.path).resolve()
        assert media_root not in path.parents, path
        assert path.exists()

    answer = client.get(public.url)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content).startswith(b"%PDF")
    refused = client.get(secret.url)
    assert refused.status_code == 302 and "login" in refused["Location"]


@override_settings(ROOT_URLCONF="tests.search.media_urls")
def test_dev_server_media_serves_images_never_documents(client, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        # Even a document left under MEDIA_ROOT by an older layout is not served.
        (tmp_path / "documents").mkdir()
        (tmp_path / "documents" / "memo.pdf").write_bytes(b"%PDF secret")
        (tmp_path / "original_images").mkdir()
        (tmp_path / "original_images" / "logo.png").write_bytes(b"\x89PNG")
        assert client.get("/media/original_images/logo.png").status_code == 200
        assert client.get("/media/documents/memo.pdf").status_code == 404
        assert (
            client.get("/media/original_images/../documents/memo.pdf").status_code
            == 404
        )


def test_bomb_uploads_through_the_admin_succeed_and_record_why(
    admin_client, django_capture_on_commit_callbacks
):
    model = get_document_model()
    with django_capture_on_commit_callbacks(execute=True):
        single = admin_client.post(
            "/admin/documents/add/",
            {
                "title": "Bomba PDF",
                "file": SimpleUploadedFile("bomba.pdf", pdf_bomb()),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    assert single.status_code == 302, single.content[:500]
    with django_capture_on_commit_callbacks(execute=True):
        multiple = admin_client.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile("bomba.docx", docx_bomb())},
        )
    assert multiple.status_code == 200 and multiple.json()["success"] is True
    for title in ("Bomba PDF", "bomba.docx"):
        document = model.objects.get(title=title)
        assert (document.extraction_status, document.extraction_reason) == (
            "skipped",
            "too_large",
        )
        assert document.extracted_text == ""
        assert document.extraction_details["peak_rss_kb"] < 1024 * 1024
        page = admin_client.get(f"/admin/documents/edit/{document.pk}/")
        assert page.status_code == 200
        assert 'data-extraction-status="skipped"' in page.content.decode()
        # The admin speaks the site's language, Albanian, to this superuser.
        assert "skedari zgjerohet përtej kufirit të madhësisë" in page.content.decode()


def test_migration_moves_older_documents_out_of_media_root():
    import importlib

    from django.apps import apps
    from django.core.files.storage import default_storage, storages

    migration = importlib.import_module(
        "media_library.migrations.0002_document_extraction_and_private_storage"
    )
    name = default_storage.save("documents/older-upload.pdf", ContentFile(b"%PDF"))
    document = new_document("E vjeter", "Teksti i vjeter")
    type(document).objects.filter(pk=document.pk).update(
        file=name, extraction_status="pending"
    )
    try:
        migration.move_documents_out_of_media_root(apps, None)
        assert not default_storage.exists(name)
        assert storages["documents"].exists(name)
        document.refresh_from_db()
        assert document.extraction_status == "done"
        assert client_can_download(document)
    finally:
        storages["documents"].delete(name)


def client_can_download(document):
    from django.test import Client

    answer = Client().get(document.url)
    return answer.status_code == 200 and b"".join(answer.streaming_content) == b"%PDF"


def test_production_settings_keep_documents_out_of_media_root():
    import os
    import subprocess
    import sys

    code = (
        "import portal.settings.production as s;"
        "print(s.STORAGES['documents']['BACKEND'], s.WAGTAILDOCS_SERVE_METHOD)"
    )
    site = settings.BASE_DIR / "site"
    env = {
        **os.environ,
        "SECRET_KEY": "x" * 50,
        "PYTHONPATH": f"{settings.BASE_DIR}:{site}",
        "WAGTAIL_SEARCH_BACKEND": "database",
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=site,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["media_library.storage.PrivateDocumentStorage", "serve_view"]


def test_pending_documents_can_be_queued_again_by_command():
    from django.core.management import call_command

    document = new_document("Pa tekst", "Fraza e humbur")
    type(document).objects.filter(pk=document.pk).update(
        extracted_text="", extraction_status="pending"
    )
    call_command("extract_documents", stdout=open(os.devnull, "w"))  # noqa: SIM115
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert "Fraza e humbur" in document.extracted_text


def test_a_vanished_file_is_recorded_not_left_pending():
    from search.tasks import extract_document_text

    document = new_document("Zhdukur", "Asgje")
    document.file.storage.delete(document.file.name)
    extract_document_text.call(document.pk, document.file.name, document.file_hash)
    document.refresh_from_db()
    assert (document.extraction_status, document.extraction_reason) == (
        "failed",
        "unreadable",
    )
