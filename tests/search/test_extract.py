import io
import zipfile

from django.core.files.base import ContentFile

from home.demo_pdf import minimal_pdf
from search.extract import Limits, extract, extract_text

from .bombs import docx, docx_bomb, pdf_bomb


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


# --- Caps: every run below is a real child process with real limits ----------


def extracted(data, name, **limits):
    return extract(io.BytesIO(data), name, Limits(**limits) if limits else None)


def test_docx_bomb_is_refused_unread_with_its_reason():
    bomb = docx_bomb()
    assert len(bomb) < 3 * 1024 * 1024
    result = extracted(bomb, "bomb.docx")
    assert (result.status, result.reason, result.text) == ("skipped", "too_large", "")
    assert result.details["peak_rss_kb"] < 200 * 1024
    assert result.details["seconds"] < 10


def test_pdf_bomb_stops_before_parsing_its_shared_stream():
    result = extracted(pdf_bomb(), "bomb.pdf")
    assert (result.status, result.reason, result.text) == ("skipped", "too_large", "")
    assert result.details["total_pages"] == 1000
    assert result.details["cpu_seconds"] < 10


def test_time_limit_kills_the_child():
    result = extracted(pdf_bomb(), "bomb.pdf", uncompressed_bytes=10**10, cpu_seconds=1)
    assert (result.status, result.reason) == ("failed", "time_limit")
    assert result.details["seconds"] < 10


def test_wall_clock_limit_kills_a_child_that_waits():
    # CPU time alone would never stop a child blocked on I/O.
    result = extracted(
        pdf_bomb(), "bomb.pdf", uncompressed_bytes=10**10, wall_seconds=1
    )
    assert (result.status, result.reason) == ("failed", "time_limit")
    assert result.details["seconds"] < 5


def test_memory_limit_is_reported_not_raised():
    result = extracted(
        pdf_bomb(), "bomb.pdf", uncompressed_bytes=10**10, memory_bytes=150 * 2**20
    )
    assert (result.status, result.reason) == ("failed", "memory_limit")


def test_page_limit_keeps_the_first_pages():
    data = pdf_bomb(pages=12, stream_bytes=200, line="Rreshti i faqes")
    result = extracted(data, "long.pdf", pages=3)
    assert (result.status, result.reason) == ("partial", "page_limit")
    assert result.details == {**result.details, "pages": 3, "total_pages": 12}
    assert "Rreshti i faqes" in result.text


def test_output_limit_truncates_the_text():
    data = docx([f"Paragrafi {n}" for n in range(2000)])
    result = extracted(data, "many.docx", chars=500)
    assert (result.status, result.reason) == ("partial", "output_limit")
    assert len(result.text) <= 500 and result.text.startswith("Paragrafi 0")
