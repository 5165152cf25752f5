from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.changelog import ChangeLogMixin
from core.filters import DepartmentFilter, ModelChoiceFilter, YearFilter
from core.models import IssuingBody, SectionIndexPage, TransparencyPage
from core.search_registry import registry as search_registry

# Competitions live in their own module; importing them here registers them
# with the app and keeps `municipal_acts.models.CompetitionPage` working.
from .competitions import SEARCH as COMPETITION_SEARCH
from .competitions import (  # noqa: F401
    CompetitionKind,
    CompetitionPage,
    CompetitionState,
    CompetitionStateFilter,
)

# The review task model lives beside the workflow it belongs to.
from .workflows import FourEyesApprovalTask  # noqa: F401


class ActType(models.TextChoices):
    REGULATION = "regulation", _("Regulation")
    STATUTE = "statute", _("Statute")
    ADMINISTRATIVE_INSTRUCTION = (
        "administrative_instruction",
        _("Administrative instruction"),
    )
    PLAN = "plan", _("Plan")
    OTHER = "other", _("Other act")


class ActStatus(models.TextChoices):
    CONSULTATION = "consultation", _("In public consultation")
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")


class MunicipalActPage(ChangeLogMixin, TransparencyPage):
    official_number = models.CharField(
        _("official number"), max_length=50, blank=True, help_text=_("e.g. 01-016/18")
    )
    act_type = models.CharField(
        _("act type"),
        max_length=40,
        choices=ActType.choices,
        default=ActType.REGULATION,
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=20,
        choices=IssuingBody.choices,
        default=IssuingBody.ASSEMBLY,
    )
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    entry_into_force_date = models.DateField(
        _("entry into force"), null=True, blank=True
    )
    legal_basis = models.TextField(_("legal basis"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActStatus.choices,
        default=ActStatus.IN_FORCE,
    )
    amends = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="amended_by"
    )
    repeals = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="repealed_by"
    )

    content_type_key = "act"
    adoptable_at_session = True  # an agenda item may name it (core.agenda)
    # Official references and the act chain are the same in every language.
    override_translatable_fields = TransparencyPage.override_translatable_fields + [
        SynchronizedField("official_number", overridable=False),
        SynchronizedField("amends", overridable=False),
        SynchronizedField("repeals", overridable=False),
    ]
    changelog_fields = ("official_number", "status", "legal_basis")
    feed_slug = "acts"
    reference_number_field = "official_number"
    status_field = "status"
    parent_page_types = ["municipal_acts.ActIndexPage"]
    subpage_types = []
    template = "municipal_acts/municipal_act_page.html"

    content_panels = (
        TransparencyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("official_number"), FieldPanel("act_type")]
                    ),
                    FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("status")]),
                    FieldRowPanel(
                        [
                            FieldPanel("adoption_date"),
                            FieldPanel("entry_into_force_date"),
                        ]
                    ),
                    FieldPanel("legal_basis"),
                    FieldPanel("amends"),
                    FieldPanel("repeals"),
                ],
                heading=_("Act"),
            )
        ]
        + TransparencyPage.content_panels[1:]
    )
    search_fields = TransparencyPage.search_fields + [
        index.SearchField("official_number", boost=5),
        index.AutocompleteField("official_number"),
        index.FilterField("act_type"),
        index.FilterField("status"),
    ]
    api_fields = TransparencyPage.api_fields + [
        APIField("official_number"),
        APIField("act_type"),
        APIField("issuing_body"),
        APIField("adoption_date"),
        APIField("entry_into_force_date"),
        APIField("legal_basis"),
        APIField("status"),
        APIField("amends"),
        APIField("repeals"),
    ]

    class Meta:
        verbose_name = _("municipal act")
        verbose_name_plural = _("municipal acts")

    def key_date(self):
        return self.adoption_date or self.display_date

    def search_extra_text(self):
        return self.legal_basis

    def related_acts(self):
        """(label, acts) for each non-empty relation, in this act's language.
        `amends`/`repeals` come from the form in a preview, the reverse lists
        from the database."""
        relations = [
            (_("Amends"), self.localized_pages(self.amends)),
            (_("Amended by"), self.pages_linking_here(MunicipalActPage, "amends")),
            (_("Repeals"), self.localized_pages(self.repeals)),
            (_("Repealed by"), self.pages_linking_here(MunicipalActPage, "repeals")),
        ]
        return [(label, acts) for label, acts in relations if acts]


class DecisionPage(TransparencyPage):
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=20,
        choices=IssuingBody.choices,
        default=IssuingBody.ASSEMBLY,
    )
    session = models.ForeignKey(
        "assembly_sessions.AssemblySessionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_decisions",
        verbose_name=_("adopted at session"),
    )

    content_type_key = "decision"
    adoptable_at_session = True  # an agenda item may name it (core.agenda)
    session_outcome_order = 1  # listed on the session page after the minutes
    # The official reference is the same in every language.
    override_translatable_fields = TransparencyPage.override_translatable_fields + [
        SynchronizedField("decision_number", overridable=False),
    ]
    feed_slug = "decisions"
    reference_number_field = "decision_number"
    parent_page_types = ["municipal_acts.DecisionIndexPage"]
    subpage_types = []
    template = "municipal_acts/decision_page.html"

    content_panels = (
        TransparencyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("decision_number"), FieldPanel("decision_date")]
                    ),
                    FieldPanel("issuing_body"),
                    FieldPanel("session"),
                ],
                heading=_("Decision"),
            )
        ]
        + TransparencyPage.content_panels[1:]
    )
    search_fields = TransparencyPage.search_fields + [
        index.SearchField("decision_number", boost=5),
        index.FilterField("issuing_body"),
    ]
    api_fields = TransparencyPage.api_fields + [
        APIField("decision_number"),
        APIField("decision_date"),
        APIField("issuing_body"),
        APIField("session"),
    ]

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def key_date(self):
        return self.decision_date or self.display_date

    @property
    def adopted_at(self):
        """The session, in this decision's language (None unless live)."""
        return self.localized_page(self.session)


class MinutesPage(TransparencyPage):
    class Approval(models.TextChoices):
        DRAFT = "draft", _("Awaiting approval")
        APPROVED = "approved", _("Approved")

    session = models.ForeignKey(
        "assembly_sessions.AssemblySessionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes",
        verbose_name=_("session"),
    )
    approval_status = models.CharField(
        _("approval status"), max_length=20, choices=Approval.choices, default="draft"
    )
    approval_date = models.DateField(_("approval date"), null=True, blank=True)

    content_type_key = "minutes"
    session_outcome_order = 0
    status_field = "approval_status"
    parent_page_types = ["municipal_acts.MinutesIndexPage"]
    subpage_types = []
    template = "municipal_acts/minutes_page.html"

    content_panels = (
        TransparencyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldPanel("session"),
                    FieldRowPanel(
                        [FieldPanel("approval_status"), FieldPanel("approval_date")]
                    ),
                ],
                heading=_("Minutes"),
            )
        ]
        + TransparencyPage.content_panels[1:]
    )
    api_fields = TransparencyPage.api_fields + [
        APIField("session"),
        APIField("approval_status"),
        APIField("approval_date"),
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    @property
    def session_link(self):
        """The session, in the language of these minutes (None unless live)."""
        return self.localized_page(self.session)


# What the unified search needs from this app's types (core/search_registry.py).
for model in (MunicipalActPage, DecisionPage, MinutesPage):
    search_registry.register(model)
search_registry.add(COMPETITION_SEARCH)


class ActIndexPage(SectionIndexPage):
    subpage_types = ["municipal_acts.MunicipalActPage"]
    filters = [
        YearFilter(),
        ModelChoiceFilter("act_type", _("Type")),
        ModelChoiceFilter("issuing_body"),
        ModelChoiceFilter("status"),
        DepartmentFilter(),
    ]

    class Meta:
        verbose_name = _("acts index")


class DecisionIndexPage(SectionIndexPage):
    subpage_types = ["municipal_acts.DecisionPage"]
    filters = [YearFilter(), ModelChoiceFilter("issuing_body"), DepartmentFilter()]

    class Meta:
        verbose_name = _("decisions index")


class MinutesIndexPage(SectionIndexPage):
    subpage_types = ["municipal_acts.MinutesPage"]
    filters = [YearFilter(), ModelChoiceFilter("approval_status")]

    class Meta:
        verbose_name = _("minutes index")


class CompetitionIndexPage(SectionIndexPage):
    subpage_types = ["municipal_acts.CompetitionPage"]
    filters = [
        YearFilter(),
        ModelChoiceFilter("kind"),
        CompetitionStateFilter(),
        DepartmentFilter(),
    ]

    class Meta:
        verbose_name = _("competitions index")
