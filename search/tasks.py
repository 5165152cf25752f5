"""Background work of the search app, run by `manage.py db_worker`."""

from django.conf import settings
from django_tasks import task
from wagtail.documents import get_document_model

from . import extract
from .indexing import queue_pages


def limits():
    return extract.Limits(**getattr(settings, "SEARCH_EXTRACTION_LIMITS", {}))


def pages_using(documents):
    from wagtail.models import ReferenceIndex

    return (
        ReferenceIndex.get_references_to_in_bulk(documents)
        .filter(base_content_type__model="page")
        .values_list("object_id", flat=True)
    )


def queue_extraction(documents):
    """Queue a run for each document (e.g. those still pending after an upgrade)."""
    for document in documents:
        extract_document_text.enqueue(
            document.pk, document.file.name, document.file_hash
        )


@task()
def extract_document_text(document_id, file_name, file_hash):
    """Extract a document's text in a capped child process and store it with
    the outcome; then re-index the pages that attach it.

    The file's name and hash say which upload this run is for: a document
    replaced since it was queued is left to the run queued for the new file.
    """
    model = get_document_model()
    document = model.objects.filter(pk=document_id).first()
    if document is None or (document.file.name, document.file_hash) != (
        file_name,
        file_hash,
    ):
        return "superseded"
    try:
        result = extract.extract(document.file, document.file.name, limits())
    except OSError:
        # The stored file is gone or unreadable: say so rather than stay pending.
        result = extract.Extraction(status="failed", reason=extract.UNREADABLE)
    finally:
        document.file.close()
    updated = model.objects.filter(
        pk=document_id, file=file_name, file_hash=file_hash
    ).update(
        extracted_text=result.text,
        extraction_status=result.status,
        extraction_reason=result.reason,
        extraction_details=result.details,
    )
    if updated:
        queue_pages(pages_using([document]))
    return result.status
