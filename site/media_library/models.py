from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .storage import document_storage


class CustomImage(AbstractImage):
    alt_text = models.CharField(_("alternative text"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("alt_text",)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the background worker")
    DONE = "done", _("text extracted")
    PARTIAL = "partial", _("text extracted in part")
    SKIPPED = "skipped", _("not extracted")
    FAILED = "failed", _("extraction failed")


class ExtractionReason(models.TextChoices):
    # The codes are search.extract's; the labels say it to the editor.
    NONE = "", _("none")
    TOO_LARGE = "too_large", _("the file expands to more than the size limit")
    PAGE_LIMIT = "page_limit", _("more pages than the page limit")
    OUTPUT_LIMIT = "output_limit", _("more text than the length limit")
    TIME_LIMIT = "time_limit", _("extraction took longer than the time limit")
    MEMORY_LIMIT = "memory_limit", _("extraction needed more than the memory limit")
    UNREADABLE = "unreadable", _("the file could not be read")
    UNSUPPORTED = "unsupported", _("no text extraction for this file type")


class CustomDocument(AbstractDocument):
    # Outside MEDIA_ROOT (see storage.py): only the permission-checking view
    # serves documents.
    file = models.FileField(_("file"), upload_to="documents", storage=document_storage)
    # Text extracted from the file (PDF, DOCX, ODT) so search can find phrases
    # that only appear inside a signed document. Filled by a background task
    # (search.tasks), never in the upload request.
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_reason = models.CharField(
        _("why not (fully) extracted"),
        max_length=20,
        choices=ExtractionReason.choices,
        blank=True,
        editable=False,
    )
    # Pages read, the extracting process's peak RSS and seconds: for operators.
    extraction_details = models.JSONField(
        _("extraction details"), default=dict, blank=True, editable=False
    )
    language = models.CharField(_("language"), max_length=10, blank=True)

    admin_form_fields = Document.admin_form_fields + ("language",)
