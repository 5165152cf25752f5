from datetime import time

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from core.models import SocialMetaMixin


class HomePage(SocialMetaMixin, Page):
    """The municipality's front page, one per locale."""

    municipality_name = models.CharField(_("municipality name"), max_length=100)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("municipality_name"),
        FieldPanel("intro"),
    ]
    promote_panels = Page.promote_panels + SocialMetaMixin.promote_panels
    api_fields = [APIField("municipality_name"), APIField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "municipal_acts.ActIndexPage",
        "municipal_acts.DecisionIndexPage",
        "municipal_acts.MinutesIndexPage",
        "municipal_acts.CompetitionIndexPage",
        "press.PressIndexPage",
        "assembly_sessions.AssemblySessionIndexPage",
        "reports.TransparencyReportPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().in_menu().specific()
        context["sections"] = children
        context["latest"] = (
            Page.objects.descendant_of(self)
            .live()
            .public()
            .filter(depth__gt=self.depth + 1)
            .order_by("-first_published_at")
            .specific()[:6]
        )
        return context


@register_setting(icon="mail")
class OfficeContactSettings(BaseSiteSetting):
    """The Public Information Office's contact details, shown in every page's
    footer and on the accessibility statement. One per site; the defaults are the
    Gjilan office's, so a new site starts with them and the admin edits them under
    Settings → Office contact. Names of places are written once, as on letters:
    they are the same in every language."""

    address = models.TextField(
        _("postal address"),
        default="60000 Gjilan",
        help_text=_("As written on letters; shown unchanged in every language."),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opens_at = models.TimeField(_("office opens at"), default=time(8, 0))
    closes_at = models.TimeField(_("office closes at"), default=time(16, 0))
    website = models.URLField(
        _("municipality website"), blank=True, default="https://kk.rks-gov.net/gjilan/"
    )
    facebook = models.URLField(_("Facebook page"), blank=True)
    youtube = models.URLField(_("YouTube channel"), blank=True)

    panels = [
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("website"),
        FieldPanel("facebook"),
        FieldPanel("youtube"),
    ]

    class Meta:
        verbose_name = _("office contact")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError(
                {"closes_at": _("The office closes before it opens.")}
            )

    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]
