"""Sharing fields common to every public page (content pages, indexes, home)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string


class SocialMetaMixin(models.Model):
    """Open Graph / Twitter card fields for sharing on Facebook."""

    social_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social image"),
    )
    social_text = models.CharField(_("social text"), max_length=300, blank=True)

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Sharing on social media"),
        )
    ]

    class Meta:
        abstract = True
