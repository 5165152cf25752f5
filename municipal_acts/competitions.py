"""Competitions (vacancies, tenders, grants, scholarships) and their one
definition of state: upcoming, open, closed or with results."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.filters import IndexFilter
from core.models import TransparencyPage
from core.search_registry import (
    Absent,
    IndexField,
    Later,
    NotLater,
    Present,
    SearchType,
    State,
    moment_field,
)


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
        return CompetitionState(SEARCH.state_of(self, moment))

    @property
    def state(self):
        return self.state_at(timezone.now())

    def get_state_display(self):
        return CompetitionState(self.state).label

    @classmethod
    def state_condition(cls, state, moment):
        """`state_at` as a database filter: the same rules, for listings."""
        return SEARCH.state_condition(state, moment)

    def key_date(self):
        return timezone.localdate(self.closes_at)

    def card_facts(self):
        return [(_("Deadline"), self.closes_at)]


# The one definition of a competition's state: results published wins, else
# where the moment lies between opening and closing. Pages, listings, the
# search (index and database fallback) and the report all read it from here.
COMPETITION_STATES = (
    State(CompetitionState.UPCOMING.value, CompetitionState.UPCOMING.label, (
        Absent("has_results"), Later("opens_at"),
    )),
    State(CompetitionState.OPEN.value, CompetitionState.OPEN.label, (
        Absent("has_results"), NotLater("opens_at"), Later("closes_at"),
    )),
    State(CompetitionState.CLOSED.value, CompetitionState.CLOSED.label, (
        Absent("has_results"), NotLater("closes_at"),
    )),
    State(CompetitionState.RESULTS.value, CompetitionState.RESULTS.label, (
        Present("has_results"),
    )),
)  # fmt: skip
# Registered in models.py, in the order the types are listed.
SEARCH = SearchType(
    CompetitionPage,
    fields=(
        moment_field("opens_at"),
        moment_field("closes_at"),
        IndexField(
            "has_results",
            {"type": "boolean"},
            lambda page: bool(page.results_document_id),
            "results_document",
        ),
    ),
    states=COMPETITION_STATES,
)


class CompetitionStateFilter(IndexFilter):
    """Upcoming, open, closed or with results at the moment of the request; the
    same rules as CompetitionPage.state_at, in SQL."""

    name = "state"
    label = _("State")

    def choices(self, index, models, items):
        return CompetitionState.choices

    def apply(self, queryset, value, models):
        return queryset.filter(CompetitionPage.state_condition(value, timezone.now()))
