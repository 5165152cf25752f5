import html

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import AttachmentBlock, BodyBlock
from .documents import is_public_document, restricted_collection_ids
from .related import page_in_locale, pages_in_locale, snippet_in_locale
from .sections import SectionIndexPage
from .serializers import SnippetField, SnippetListField
from .sharing import SocialMetaMixin

# The sharing mixin and the section listing live in their own modules; they
# are re-exported here so `from core.models import ...` keeps working.
__all__ = [
    "Department",
    "IssuingBody",
    "SectionIndexPage",
    "SocialMetaMixin",
    "Topic",
    "TransparencyPage",
]


class Department(TranslatableMixin, models.Model):
    """A municipal directorate or office responsible for published content."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    history = HistoricalRecords(inherit=False)

    # --- translation (wagtail-localize) ---
    # Contact details are the same office whatever the language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TranslatableMixin, models.Model):
    """A translatable tag: 'buxheti' and 'budžet' are one topic in two languages."""

    name = models.CharField(_("name"), max_length=100)

    history = HistoricalRecords(inherit=False)

    # --- translation (wagtail-localize) ---
    translatable_fields = [TranslatableField("name")]

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TransparencyPage(SocialMetaMixin, Page):
    """Abstract base of every published item: summary, body, attachments, owner."""

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    attachments = StreamField(
        AttachmentBlock(), blank=True, verbose_name=_("attachments")
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    department = models.ForeignKey(
        "core.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responsible department"),
    )
    topics = ParentalManyToManyField("core.Topic", blank=True, related_name="+")

    # Type key used by search, feeds and the API ("act", "press_release", ...).
    content_type_key = ""
    # Section of the RSS/Atom feeds (/<lang>/feeds/<feed_slug>/rss/) and of the
    # iCalendar feeds (/<lang>/calendar/<calendar_slug>.ics); empty: in none.
    feed_slug = ""
    calendar_slug = ""

    # --- translation (wagtail-localize) ---
    # Merged with wagtail-localize's per-field defaults, so the subclasses' own
    # dates, numbers and choices stay synchronized. The slug is translated: each
    # language has its own ASCII slug (WAGTAIL_ALLOW_UNICODE_SLUGS). Attachments
    # are translatable: their captions are strings and each chosen document is
    # an overridable segment, as the signed PDF differs per language.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("attachments"),
        SynchronizedField("publication_date", overridable=False),
        TranslatableField("department"),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("social_image"),
        TranslatableField("social_text"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("publication_date"),
        FieldPanel("department"),
        FieldPanel("topics"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    promote_panels = Page.promote_panels + SocialMetaMixin.promote_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("attachments"),
        APIField("publication_date"),
        APIField("department", serializer=SnippetField()),
        APIField("topics", serializer=SnippetListField()),
    ]

    class Meta:
        abstract = True

    @property
    def display_date(self):
        return self.publication_date or (
            self.first_published_at.date() if self.first_published_at else None
        )

    def get_meta_description(self):
        return self.search_description or self.social_text or self.summary

    def key_date(self):
        """The date that matters most for this type (adoption, deadline, ...)."""
        return self.display_date

    # --- what the detail page and its card show ------------------------------
    @property
    def summary_in_body(self):
        """Whether the body already opens with the summary: editors often paste
        the lead into both, and the page should say it once."""
        summary = " ".join(self.summary.split()).casefold()
        first = next(iter(self.body), None) if summary else None
        if first is None or first.block_type != "paragraph":
            return False
        text = html.unescape(strip_tags(first.value.source))
        return " ".join(text.split()).casefold().startswith(summary)

    def card_facts(self):
        """(label, datetime) pairs a listing card shows besides the date."""
        return []

    # --- links in this page's language (see core.related) -------------------
    @property
    def link_locale(self):
        # A new page in a preview has no locale yet: it gets its parent's.
        return self.locale if self.locale_id else self.get_default_locale()

    def localized_pages(self, pages):
        return pages_in_locale(pages, self.link_locale)

    def localized_page(self, page):
        return page_in_locale(page, self.link_locale)

    def pages_linking_here(self, model, field):
        """Live pages of `model` whose `field` names this page in any language,
        once each, in this page's language. Works before the page is saved."""
        linking = model.objects.filter(
            **{f"{field}__translation_key": self.translation_key}
        ).order_by("-first_published_at", "pk")
        return self.localized_pages(linking)

    @property
    def localized_department(self):
        return snippet_in_locale(self.department, self.link_locale)

    def localized_topics(self):
        return [snippet_in_locale(t, self.link_locale) for t in self.topics.all()]

    # --- search ----------------------------------------------------------
    # Field names a concrete type fills in so the search document carries its
    # number, status and issuing body without `search` knowing the type.
    reference_number_field = ""
    status_field = ""

    def search_reference_number(self):
        return getattr(self, self.reference_number_field, "") or ""

    def search_status(self):
        return str(getattr(self, self.status_field, "") or "")

    def search_issuing_body(self):
        return getattr(self, "issuing_body", "") or ""

    def search_extra_text(self):
        """Type-specific searchable text (agenda items, place, legal basis)."""
        return ""

    @cached_property
    def public_attachments(self):
        """The attachment blocks a visitor may see (restricted collections left out)."""
        restricted = restricted_collection_ids()
        return [
            block
            for block in self.attachments
            if is_public_document(block.value.get("document"), restricted)
        ]

    def search_attachments(self):
        """The documents attached to this language version, in order."""
        documents = []
        for block in self.attachments:
            document = block.value.get("document")
            if document is not None and document not in documents:
                documents.append(document)
        for block in self.body:
            document = (
                block.value.get("document") if block.block_type == "document" else None
            )
            if document is not None and document not in documents:
                documents.append(document)
        return documents

    def search_document(self):
        """The unified search document of this page (see the `search` app)."""
        from .search_registry import LOCAL_SOURCE, municipality, registry

        entry = registry.for_page(self)
        department = self.localized_department
        body = " ".join(self.body.stream_block.get_searchable_content(self.body))
        key_date = self.key_date()
        return {
            "type": self.content_type_key,
            "title": self.title,
            "summary": self.summary,
            "body": " ".join(filter(None, [body, self.search_extra_text()])),
            "locale": self.locale.language_code,
            "translation_key": str(self.translation_key),
            "url": self.get_url(),
            "date": self.display_date,
            "key_date": key_date,
            "department": department.name if department else "",
            "department_key": str(department.translation_key) if department else "",
            "issuing_body": self.search_issuing_body(),
            "reference_number": self.search_reference_number(),
            "status": self.search_status(),
            "tags": [topic.name for topic in self.localized_topics()],
            "attachments": self.search_attachments(),
            "source": LOCAL_SOURCE,
            "municipality": municipality(self),
            # The type's own registered fields (dates, flags its states read).
            "fields": entry.values(self) if entry else {},
        }


class IssuingBody(models.TextChoices):
    ASSEMBLY = "assembly", _("Municipal Assembly")
    MAYOR = "mayor", _("Mayor")
    DIRECTORATE = "directorate", _("Directorate")


# Models kept in their own modules (registered with core's app from here).
from .holidays import Holiday  # noqa: E402, F401
from .municipality import MunicipalitySettings  # noqa: E402, F401
