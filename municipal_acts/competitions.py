"""Competitions (vacancies, tenders, grants, scholarships) and their one
definition of state: upcoming, open, closed or with results."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.filters import IndexFilter
from core.models import TransparencyPage


class CompetitionKind(models.TextChoices):
    VACANCY = "vacancy", _("Job vacancy")
    TENDER = "tender", _("Public tender")
    GRANT = "grant", _("Grant or subsidy")
    SCHOLARSHIP = "scholarship", _("Scholarship")


class CompetitionState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    RESULTS = "results", _("Results published")


class CompetitionPage(TransparencyPage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=CompetitionKind.choices, default="vacancy"
    )
    reference_number = models.CharField(
        _("reference number"), max_length=50, blank=True
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    results_document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("results document"),
    )
    contact = models.TextField(_("contact"), blank=True)

    content_type_key = "competition"
    # The official reference is the same in every language.
    override_translatable_fields = TransparencyPage.override_translatable_fields + [
        SynchronizedField("reference_number", overridable=False),
    ]
    feed_slug = "competitions"
    reference_number_field = "reference_number"
    status_field = "state"
    parent_page_types = ["municipal_acts.CompetitionIndexPage"]
    subpage_types = []
    template = "municipal_acts/competition_page.html"

    content_panels = (
        TransparencyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("reference_number")]),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                    FieldPanel("results_document"),
                    FieldPanel("contact"),
                ],
                heading=_("Competition"),
            )
        ]
        + TransparencyPage.content_panels[1:]
    )
    search_fields = TransparencyPage.search_fields + [
        index.SearchField("reference_number", boost=5),
        index.FilterField("kind"),
        index.FilterField("closes_at"),
    ]
    api_fields = TransparencyPage.api_fields + [
        APIField("kind"),
        APIField("reference_number"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("state"),
        APIField("results_document"),
        APIField("contact"),
    ]

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")

    def state_at(self, moment):
        if self.results_document_id:
            return CompetitionState.RESULTS
        if moment < self.opens_at:
            return CompetitionState.UPCOMING
        if moment < self.closes_at:
            return CompetitionState.OPEN
        return CompetitionState.CLOSED

    @property
    def state(self):
        return self.state_at(timezone.now())

    def get_state_display(self):
        return CompetitionState(self.state).label

    @classmethod
    def state_condition(cls, state, moment):
        """`state_at` as a database filter: the same rules, for listings."""
        without_results = Q(results_document__isnull=True)
        return {
            CompetitionState.UPCOMING: without_results & Q(opens_at__gt=moment),
            CompetitionState.OPEN: without_results
            & Q(opens_at__lte=moment, closes_at__gt=moment),
            CompetitionState.CLOSED: without_results & Q(closes_at__lte=moment),
            CompetitionState.RESULTS: Q(results_document__isnull=False),
        }[state]

    def key_date(self):
        return timezone.localdate(self.closes_at)

    def card_facts(self):
        return [(_("Deadline"), self.closes_at)]


class CompetitionStateFilter(IndexFilter):
    """Upcoming, open, closed or with results at the moment of the request; the
    same rules as CompetitionPage.state_at, in SQL."""

    name = "state"
    label = _("State")

    def choices(self, index, models, items):
        return CompetitionState.choices

    def apply(self, queryset, value, models):
        return queryset.filter(CompetitionPage.state_condition(value, timezone.now()))
