from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.agenda import AdoptedPageChooserBlock
from core.filters import ModelChoiceFilter, YearFilter
from core.models import SectionIndexPage, TransparencyPage
from core.search_registry import Later, NotLater, SearchType, State, moment_field
from core.search_registry import registry as search_registry

from .youtube import privacy_embed_url, timestamp_seconds, youtube_video_id


class AgendaItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Item"))
    rapporteur = blocks.CharBlock(required=False, label=_("Rapporteur"))
    # The act types say they are adoptable (core.agenda): this app names none.
    adopted = AdoptedPageChooserBlock(
        required=False, label=_("Adopted act or decision")
    )
    video_timestamp = blocks.CharBlock(
        required=False, label=_("Video timestamp"), help_text=_("e.g. 1:02:30")
    )

    class Meta:
        icon = "list-ol"
        template = "assembly_sessions/blocks/agenda_item.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The chosen act is stored once, often in Albanian; link the session's
        # own language version, and into the session's video at this item.
        session = (parent_context or {}).get("page")
        adopted = value.get("adopted")
        if hasattr(session, "localized_page"):
            context["adopted"] = session.localized_page(adopted) if adopted else None
            context["video_link"] = session.agenda_video_link(value["video_timestamp"])
        return context


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")
    SOLEMN = "solemn", _("Solemn")


class SessionState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live now")
    ENDED = "ended", _("Ended")


def validate_youtube_url(value):
    if value and not youtube_video_id(value):
        raise ValidationError(
            _("Enter a YouTube video link (watch, youtu.be, live or embed).")
        )


class AssemblySessionPage(TransparencyPage):
    number = models.PositiveIntegerField(_("session number"))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SessionKind.choices,
        default=SessionKind.REGULAR,
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    agenda = StreamField(
        [("item", AgendaItemBlock())], blank=True, verbose_name=_("agenda")
    )
    livestream_url = models.URLField(
        _("livestream URL"), blank=True, validators=[validate_youtube_url]
    )
    recording_url = models.URLField(
        _("recording URL"), blank=True, validators=[validate_youtube_url]
    )

    content_type_key = "session"
    calendar_slug = "sessions"
    status_field = "state"
    parent_page_types = ["assembly_sessions.AssemblySessionIndexPage"]
    subpage_types = []
    template = "assembly_sessions/assembly_session_page.html"
    # A session without an end time is assumed to last this long.
    default_duration = timedelta(hours=4)

    content_panels = (
        TransparencyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("number"), FieldPanel("kind")]),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("place"),
                    FieldPanel("livestream_url"),
                    FieldPanel("recording_url"),
                ],
                heading=_("Session"),
            ),
            FieldPanel("agenda"),
        ]
        + TransparencyPage.content_panels[1:]
    )
    search_fields = TransparencyPage.search_fields + [
        index.SearchField("agenda"),
        index.FilterField("starts_at"),
        index.FilterField("kind"),
    ]
    api_fields = TransparencyPage.api_fields + [
        APIField("number"),
        APIField("kind"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("place"),
        APIField("agenda"),
        APIField("livestream_url"),
        APIField("recording_url"),
        APIField("state"),
    ]

    class Meta:
        verbose_name = _("assembly session")
        verbose_name_plural = _("assembly sessions")

    def search_extra_text(self):
        agenda = self.agenda.stream_block.get_searchable_content(self.agenda)
        return " ".join([self.place, *agenda])

    def state_at(self, moment):
        return SessionState(SEARCH.state_of(self, moment))

    @property
    def effective_end(self):
        return self.ends_at or self.starts_at + self.default_duration

    @property
    def state(self):
        return self.state_at(timezone.now())

    def get_state_display(self):
        return SessionState(self.state).label

    @property
    def livestream_embed_url(self):
        return privacy_embed_url(self.livestream_url)

    @property
    def recording_embed_url(self):
        return privacy_embed_url(self.recording_url)

    def agenda_video_link(self, timestamp):
        seconds = timestamp_seconds(timestamp)
        video_id = youtube_video_id(self.recording_url or self.livestream_url)
        if not (seconds is not None and video_id):
            return None
        return f"https://www.youtube.com/watch?v={video_id}&t={seconds}s"

    def key_date(self):
        return timezone.localdate(self.starts_at)

    def outcomes(self):
        """The pages that name this session (minutes, decisions), each once, in
        its language. Found through the reverse relations: the app that owns
        the field pointing here is not named."""
        relations = [
            rel
            for rel in AssemblySessionPage._meta.related_objects
            if rel.model is AssemblySessionPage
            and rel.one_to_many
            and issubclass(rel.related_model, Page)
        ]
        # Minutes first, as the office lists them: each type says its place.
        relations.sort(
            key=lambda rel: getattr(rel.related_model, "session_outcome_order", 9)
        )
        return [
            page
            for rel in relations
            for page in self.pages_linking_here(rel.related_model, rel.field.name)
        ]


# The one definition of a session's state, computed when asked (the index
# holds the times, not a state that would go stale).
SESSION_STATES = (
    State(SessionState.SCHEDULED.value, SessionState.SCHEDULED.label, (
        Later("starts_at"),
    )),
    State(SessionState.LIVE.value, SessionState.LIVE.label, (
        NotLater("starts_at"), Later("ends_at"),
    )),
    State(SessionState.ENDED.value, SessionState.ENDED.label, (
        NotLater("starts_at"), NotLater("ends_at"),
    )),
)  # fmt: skip
SEARCH = SearchType(
    AssemblySessionPage,
    fields=(
        moment_field("starts_at"),
        # The end as the state reads it (an open end lasts default_duration).
        moment_field("ends_at", lambda page: page.effective_end),
    ),
    states=SESSION_STATES,
)
search_registry.add(SEARCH)


class AssemblySessionIndexPage(SectionIndexPage):
    subpage_types = ["assembly_sessions.AssemblySessionPage"]
    filters = [YearFilter(), ModelChoiceFilter("kind")]

    class Meta:
        verbose_name = _("assembly sessions index")
