"""Keep the transparency index in step with publishing, privacy and documents."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import searchable_page_models
from .sync import queue_pages, queue_subtree

logger = logging.getLogger("transparenca.search")


def translation_ids(page):
    # Every language version lists the others, so they change together.
    return Page.objects.filter(translation_key=page.translation_key).values_list(
        "pk", flat=True
    )


def on_publish_change(sender, instance, **kwargs):
    queue_pages([instance.pk, *translation_ids(instance)])


def on_page_delete(sender, instance, **kwargs):
    queue_pages([instance.pk, *translation_ids(instance)])


def on_document_deleted(sender, instance, **kwargs):
    """The pages that attached it lose its text and its own result."""
    from .tasks import pages_using

    queue_pages(pages_using([instance]))


def on_move(sender, instance, **kwargs):
    queue_subtree(instance)


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue_subtree(page)


def on_document_pre_save(sender, instance, **kwargs):
    """A new or replaced file: forget the old text and extract in the background.

    Extraction never runs here: the upload request must not wait for it or
    die of it (issue 12.7)."""
    if not hasattr(instance, "extraction_status") or not instance.file:
        return
    previous = (
        sender.objects.filter(pk=instance.pk).values_list("file", "file_hash").first()
        if instance.pk
        else None
    )
    if previous == (instance.file.name, instance.file_hash):
        return
    instance.extracted_text = ""
    instance.extraction_status = "pending"
    instance.extraction_reason = ""
    instance.extraction_details = {}
    instance._extract_after_save = True


def on_document_saved(sender, instance, **kwargs):
    from .tasks import extract_document_text, pages_using

    if getattr(instance, "_extract_after_save", False):
        del instance._extract_after_save
        args = (instance.pk, instance.file.name, instance.file_hash)
        transaction.on_commit(lambda: extract_document_text.enqueue(*args))
    queue_pages(pages_using([instance]))


def on_collection_restriction_change(sender, instance, **kwargs):
    """A collection (and those below it) became private or public again: the
    pages attaching its documents gain or lose their text and results."""
    from .tasks import pages_using

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    documents = get_document_model().objects.filter(collection__in=collections)
    queue_pages(pages_using(list(documents)))


def connect():
    page_published.connect(on_publish_change, dispatch_uid="search_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="search_unpublished")
    # Only the types in the index: a deletion of anything else is none of
    # search's business (and must not cost a query).
    for model in searchable_page_models():
        post_delete.connect(
            on_page_delete,
            sender=model,
            dispatch_uid=f"search_page_deleted_{model._meta.label_lower}",
        )
    post_page_move.connect(on_move, dispatch_uid="search_page_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"search_restriction_{signal is post_save}",
        )
    for signal in (post_save, post_delete):
        signal.connect(
            on_collection_restriction_change,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_collection_restriction_{signal is post_save}",
        )
    document = get_document_model()
    pre_save.connect(on_document_pre_save, sender=document, dispatch_uid="search_doc")
    post_save.connect(on_document_saved, sender=document, dispatch_uid="search_doc_s")
    post_delete.connect(
        on_document_deleted, sender=document, dispatch_uid="search_doc_deleted"
    )
