from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
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
