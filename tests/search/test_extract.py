import io
import zipfile

from django.core.files.base import ContentFile

from home.demo_pdf import minimal_pdf
from search.extract import extract_text


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_pdf_text():
    data = minimal_pdf(["Ujësjellësi në Përlepnicë (faza 2)"])
    assert "Ujësjellësi në Përlepnicë (faza 2)" in extract_text(
        ContentFile(data), "a.pdf"
    )


def test_docx_text():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<w:document xmlns:w="{w}"><w:body>'
        "<w:p><w:r><w:t>Odluka o </w:t></w:r><w:r><w:t>budžetu</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Drugi red</w:t></w:r></w:p></w:body></w:document>"
    )
    text = extract_text(ContentFile(zipped({"word/document.xml": xml})), "b.DOCX")
    assert text.splitlines() == ["Odluka o budžetu", "Drugi red"]


def test_odt_text():
    ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xml = (
        f'<office:document-content xmlns:office="{office}" xmlns:text="{ns}">'
        "<office:body><office:text><text:h>Karar</text:h>"
        "<text:p>İhale <text:span>ilanı</text:span> yayımlandı</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    text = extract_text(ContentFile(zipped({"content.xml": xml})), "c.odt")
    assert text.splitlines() == ["Karar", "İhale ilanı yayımlandı"]


def test_broken_or_unknown_files_give_empty_text():
    assert extract_text(ContentFile(b"not a pdf"), "x.pdf") == ""
    assert extract_text(ContentFile(b"a,b"), "x.csv") == ""


def test_saving_a_document_extracts_its_text_after_commit(
    db, django_capture_on_commit_callbacks
):
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Aneks")
    document.file.save(
        "aneks.pdf", ContentFile(minimal_pdf(["Fraza vetem ne PDF"])), save=False
    )
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.save()
    # Nothing is extracted in the saving request: only queued for the worker.
    document.refresh_from_db()
    assert (document.extraction_status, document.extracted_text) == ("pending", "")
    for callback in callbacks:
        callback()
    document.refresh_from_db()
    assert "Fraza vetem ne PDF" in document.extracted_text
    assert document.extraction_status == "done"
    assert document.extraction_details["pages"] == 1
