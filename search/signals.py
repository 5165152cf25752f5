"""Keep the transparency index in step with publishing, privacy and documents."""

import logging

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .extract import extract_text
from .indexing import queue_pages, queue_subtree

logger = logging.getLogger("transparenca.search")


def translation_ids(page):
    # Every language version lists the others, so they change together.
    return Page.objects.filter(translation_key=page.translation_key).values_list(
        "pk", flat=True
    )


def on_publish_change(sender, instance, **kwargs):
    queue_pages([instance.pk, *translation_ids(instance)])


def on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is Page:
        queue_pages([instance.pk, *translation_ids(instance)])


def on_move(sender, instance, **kwargs):
    queue_subtree(instance)


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue_subtree(page)


def on_document_pre_save(sender, instance, **kwargs):
    if not hasattr(instance, "extracted_text") or not instance.file:
        return
    previous = (
        sender.objects.filter(pk=instance.pk)
        .values_list("file_hash", flat=True)
        .first()
        if instance.pk
        else None
    )
    if instance.extracted_text and previous == instance.file_hash:
        return
    instance.extracted_text = extract_text(instance.file, instance.file.name)


def on_document_saved(sender, instance, **kwargs):
    from wagtail.models import ReferenceIndex

    pages = ReferenceIndex.get_references_to(instance).filter(
        base_content_type__model="page"
    )
    queue_pages(pages.values_list("object_id", flat=True))


def connect():
    page_published.connect(on_publish_change, dispatch_uid="search_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="search_unpublished")
    post_delete.connect(on_page_delete, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_move, dispatch_uid="search_page_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"search_restriction_{signal is post_save}",
        )
    document = get_document_model()
    pre_save.connect(on_document_pre_save, sender=document, dispatch_uid="search_doc")
    post_save.connect(on_document_saved, sender=document, dispatch_uid="search_doc_s")
