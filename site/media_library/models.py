from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    alt_text = models.CharField(_("alternative text"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("alt_text",)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    # Text extracted from the file (PDF, DOCX, ODT) so search can find phrases
    # that only appear inside a signed document.
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True)

    admin_form_fields = Document.admin_form_fields + ("language",)
