from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from core.filters import DepartmentFilter, PageTypeFilter, YearFilter
from core.models import SectionIndexPage, TransparencyPage
from core.search_registry import registry as search_registry


class FacebookPostMixin(models.Model):
    facebook_url = models.URLField(
        _("Facebook post"),
        blank=True,
        help_text=_("Link to the same post on the municipality's Facebook page."),
    )

    class Meta:
        abstract = True


class PressReleasePage(FacebookPostMixin, TransparencyPage):
    content_type_key = "press_release"
    feed_slug = "press"
    parent_page_types = ["press.PressIndexPage"]
    subpage_types = []
    template = "press/press_release_page.html"

    content_panels = TransparencyPage.content_panels + [FieldPanel("facebook_url")]
    api_fields = TransparencyPage.api_fields + [APIField("facebook_url")]

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")


class NoticePage(FacebookPostMixin, TransparencyPage):
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    content_type_key = "notice"
    feed_slug = "notices"
    parent_page_types = ["press.PressIndexPage"]
    subpage_types = []
    template = "press/notice_page.html"

    content_panels = TransparencyPage.content_panels + [
        FieldPanel("valid_until"),
        FieldPanel("facebook_url"),
    ]
    search_fields = TransparencyPage.search_fields + [index.FilterField("valid_until")]
    api_fields = TransparencyPage.api_fields + [
        APIField("valid_until"),
        APIField("facebook_url"),
    ]

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")


class InvitationKind(models.TextChoices):
    MEDIA_CONFERENCE = "media_conference", _("Media conference")
    PUBLIC_HEARING = "public_hearing", _("Public hearing")
    CONSULTATION = "consultation", _("Public consultation")
    CEREMONY = "ceremony", _("Ceremony")
    OTHER = "other", _("Public activity")


class InvitationPage(FacebookPostMixin, TransparencyPage):
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=InvitationKind.choices,
        default=InvitationKind.MEDIA_CONFERENCE,
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)

    content_type_key = "invitation"
    calendar_slug = "invitations"
    parent_page_types = ["press.PressIndexPage"]
    subpage_types = []
    template = "press/invitation_page.html"

    content_panels = (
        TransparencyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldPanel("kind"),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("place"),
                ],
                heading=_("Event"),
            )
        ]
        + TransparencyPage.content_panels[1:]
        + [FieldPanel("facebook_url")]
    )
    search_fields = TransparencyPage.search_fields + [
        index.SearchField("place"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    api_fields = TransparencyPage.api_fields + [
        APIField("kind"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("place"),
        APIField("facebook_url"),
    ]

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def key_date(self):
        return timezone.localdate(self.starts_at)

    def search_extra_text(self):
        return self.place


# What the unified search needs from this app's types (core/search_registry.py).
for model in (PressReleasePage, NoticePage, InvitationPage):
    search_registry.register(model)


class PressIndexPage(SectionIndexPage):
    subpage_types = [
        "press.PressReleasePage",
        "press.NoticePage",
        "press.InvitationPage",
    ]
    filters = [YearFilter(), PageTypeFilter(), DepartmentFilter()]

    class Meta:
        verbose_name = _("press index")
