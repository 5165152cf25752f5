import secrets
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from core.calendar import working_days_between

from . import conf
from .calendar import legal_deadline
from .emails import queue_answer

# No 0/O, 1/I/L: codes are read aloud on the phone and copied from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_tracking_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class State(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    CLARIFICATION = "clarification", _("Clarification requested")
    EXTENDED = "extended", _("Deadline extended")
    GRANTED = "granted", _("Granted")
    PARTIALLY_GRANTED = "partially_granted", _("Partially granted")
    REFUSED = "refused", _("Refused")
    TRANSFERRED = "transferred", _("Transferred to another institution")
    WITHDRAWN = "withdrawn", _("Withdrawn")


ANSWERED_STATES = {State.GRANTED, State.PARTIALLY_GRANTED, State.REFUSED}
CLOSED_STATES = ANSWERED_STATES | {State.TRANSFERRED, State.WITHDRAWN}
_CLOSE = {*ANSWERED_STATES, State.TRANSFERRED, State.WITHDRAWN}

# The only way a request moves. Closed states are final; an extension happens at
# most once because EXTENDED leads only to a close.
TRANSITIONS = {
    State.RECEIVED: {State.IN_PROGRESS, State.CLARIFICATION, State.EXTENDED, *_CLOSE},
    State.IN_PROGRESS: {State.CLARIFICATION, State.EXTENDED, *_CLOSE},
    State.CLARIFICATION: {State.IN_PROGRESS, State.REFUSED, State.WITHDRAWN},
    State.EXTENDED: set(_CLOSE),
    **{state: set() for state in CLOSED_STATES},
}


class RequesterCategory(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    MEDIA = "media", _("Media")
    POLITICAL_PARTY = "political_party", _("Political party")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class DocumentFormat(models.TextChoices):
    COPY = "copy", _("A copy")
    INSPECTION = "inspection", _("Inspection on the premises")
    ELECTRONIC = "electronic", _("Electronic copy")


class LegalGround(models.TextChoices):
    # The limitations of Article 17 of Law No. 06/L-081, grouped.
    NOT_HELD = "not_held", _("The institution does not hold the document")
    PERSONAL_DATA = "personal_data", _("Protection of personal data and privacy")
    SECURITY = "security", _("National security, defence or international relations")
    PUBLIC_ORDER = "public_order", _("Public security or prevention of crime")
    JUSTICE = "justice", _("Court proceedings or investigations")
    COMMERCIAL = "commercial", _("Commercial or economic interests")
    DELIBERATION = "deliberation", _("Decision-making still under way")
    ENVIRONMENT = "environment", _("Protection of the environment")
    MANIFESTLY_UNREASONABLE = "unreasonable", _("Manifestly unreasonable request")


class TransitionError(ValidationError):
    pass


class AccessRequest(ClusterableModel):
    tracking_code = models.CharField(
        _("tracking code"), max_length=CODE_LENGTH, unique=True, editable=False
    )
    # Personal data: shown only in the admin, never on public pages or APIs.
    requester_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    postal_address = models.TextField(_("postal address"), max_length=500, blank=True)
    category = models.CharField(
        _("requester category"), max_length=20, choices=RequesterCategory.choices
    )
    documents_requested = models.TextField(_("documents requested"), max_length=4000)
    preferred_format = models.CharField(
        _("preferred format"), max_length=20, choices=DocumentFormat.choices
    )
    is_urgent = models.BooleanField(_("urgent (life or liberty)"), default=False)
    urgency_reason = models.TextField(
        _("reason for urgency"), max_length=1000, blank=True
    )
    language = models.CharField(_("language"), max_length=10, default="sq")
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    state = models.CharField(
        _("state"),
        max_length=20,
        choices=State.choices,
        default=State.RECEIVED,
        editable=False,
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"), editable=False, null=True)
    paused_since = models.DateField(_("clock stopped since"), null=True, editable=False)
    paused_working_days = models.PositiveIntegerField(default=0, editable=False)
    extension_days = models.PositiveSmallIntegerField(default=0, editable=False)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    extended_at = models.DateTimeField(null=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, editable=False)
    legal_ground = models.CharField(
        _("legal ground for refusal"),
        max_length=20,
        choices=LegalGround.choices,
        blank=True,
    )
    decision_text = models.TextField(
        _("decision"),
        blank=True,
        help_text=_("Published on the status page: do not include personal data."),
    )
    reminder_sent_on = models.DateField(null=True, editable=False)
    overdue_notice_sent_on = models.DateField(null=True, editable=False)

    # Notes and reasons can be long: a text field, not the default 100 chars.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        indexes = [models.Index(fields=["received_at"])]

    def __str__(self):
        return self.tracking_code or str(_("new access request"))

    # --- deadlines -----------------------------------------------------------
    @property
    def received_on(self):
        return timezone.localtime(self.received_at).date()

    def compute_deadline(self, holidays=None):
        """The legal deadline; `holidays` None asks the calendar's provider."""
        return legal_deadline(
            self.received_at,
            is_urgent=self.is_urgent,
            extra_days=self.extension_days + self.paused_working_days,
            holidays=holidays,
        )

    @property
    def is_open(self):
        return self.state not in CLOSED_STATES

    @property
    def is_paused(self):
        return self.state == State.CLARIFICATION

    def days_left(self, today=None, holidays=None):
        """Working days until the deadline (negative: overdue); None when the
        clock is stopped or the request is closed."""
        if not self.is_open or self.is_paused or self.deadline is None:
            return None
        today = today or timezone.localdate()
        return working_days_between(today, self.deadline, holidays)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and not self.is_paused and today > self.deadline

    @property
    def closed_on(self):
        return timezone.localtime(self.closed_at).date() if self.closed_at else None

    @property
    def answered_on_time(self):
        if self.state not in ANSWERED_STATES or not self.closed_at:
            return None
        return self.closed_on <= self.deadline

    # --- saving --------------------------------------------------------------
    def save(self, *args, **kwargs):
        # The deadline is stored: computed at filing and while the request is
        # open (a holiday change recomputes open ones, see deadlines.py); a
        # closed request keeps the deadline it was judged against.
        if self.received_at and (self.deadline is None or self.is_open):
            self.deadline = self.compute_deadline()
        if self.pk or self.tracking_code:
            return super().save(*args, **kwargs)
        # History starts when the request was received (a paper request is
        # entered later), so its rows stay in the order things happened.
        if self.received_at and self.received_at < timezone.now():
            self._history_date = self.received_at
        try:
            return self._save_with_new_code(*args, **kwargs)
        finally:
            self.__dict__.pop("_history_date", None)

    def _save_with_new_code(self, *args, **kwargs):
        # A fresh code per attempt: a collision (about 1 in 10^14) retries
        # instead of failing the citizen's submission.
        for _attempt in range(5):
            self.tracking_code = new_tracking_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if (
                    not type(self)
                    .objects.filter(tracking_code=self.tracking_code)
                    .exists()
                ):
                    raise
        raise IntegrityError("no free tracking code after 5 attempts")

    # --- workflow ------------------------------------------------------------
    def allowed_transitions(self):
        return TRANSITIONS[State(self.state)]

    def validate_transition(self, to_state, *, note="", extension_days=None):
        """Raise TransitionError (keyed by the admin form's fields) unless the
        table allows the step and the step has what the law asks of it."""
        to_state = State(to_state)
        if to_state not in self.allowed_transitions():
            raise TransitionError(
                {
                    "next_state": _("A request cannot go from “%(from)s” to “%(to)s”.")
                    % {"from": State(self.state).label, "to": to_state.label}
                },
                code="forbidden_transition",
            )
        errors = {}
        if to_state == State.EXTENDED:
            maximum = conf.get("ACCESS_REQUEST_MAX_EXTENSION_DAYS")
            if not extension_days or not 1 <= extension_days <= maximum:
                errors["new_extension_days"] = _(
                    "An extension is between 1 and %(max)s working days."
                ) % {"max": maximum}
            if not self.extension_reason.strip():
                errors["extension_reason"] = _("An extension needs a reason.")
        if (
            to_state in {State.REFUSED, State.PARTIALLY_GRANTED}
            and not self.legal_ground
        ):
            errors["legal_ground"] = _("A refusal needs its legal ground.")
        if to_state in ANSWERED_STATES and not self.decision_text.strip():
            errors["decision_text"] = _("An answer needs the text of the decision.")
        if to_state == State.TRANSFERRED and not note.strip():
            errors["transition_note"] = _(
                "Name the institution the request was transferred to."
            )
        if errors:
            raise TransitionError(errors)

    def transition(
        self,
        to_state,
        *,
        user=None,
        note="",
        when=None,
        extension_days=None,
        extension_reason=None,
        legal_ground=None,
        decision_text=None,
        notify=True,
    ):
        """Move to `to_state` if the transition table allows it, keeping the
        deadline clock right, and record who did it."""
        to_state = State(to_state)
        when = when or timezone.now()
        if extension_reason is not None:
            self.extension_reason = extension_reason
        if legal_ground is not None:
            self.legal_ground = legal_ground
        if decision_text is not None:
            self.decision_text = decision_text
        self.validate_transition(to_state, note=note, extension_days=extension_days)

        today = timezone.localtime(when).date()
        if self.state == State.CLARIFICATION and self.paused_since:
            self.paused_working_days += working_days_between(self.paused_since, today)
            self.paused_since = None
        if to_state == State.CLARIFICATION:
            self.paused_since = today
        if to_state == State.EXTENDED:
            self.extension_days = extension_days
            self.extended_at = when
        if to_state in CLOSED_STATES:
            self.closed_at = when
        from_state = self.state
        self.state = to_state
        # The last moment the clock moves: closing keeps this deadline.
        self.deadline = self.compute_deadline()
        with transaction.atomic(), _history_context(self, note, user, when):
            self.save()
            AccessRequestTransition.objects.create(
                request=self,
                from_state=from_state,
                to_state=to_state,
                at=when,
                user=user if getattr(user, "pk", None) else None,
                note=note,
            )
            if notify and to_state in CLOSED_STATES - {State.WITHDRAWN} and self.email:
                queue_answer(self)
        return self


@contextmanager
def _history_context(item, reason, user, when):
    """Let django-simple-history record this save with the step's reason, user
    and time (it reads these attributes), then forget them."""
    item._change_reason = reason
    item._history_date = when
    if getattr(user, "pk", None):
        item._history_user = user
    try:
        yield
    finally:
        for name in ("_change_reason", "_history_date", "_history_user"):
            item.__dict__.pop(name, None)


class AccessRequestTransition(models.Model):
    request = models.ForeignKey(
        AccessRequest, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Internal: notes are for officers and never shown on the status page.
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self):
        return f"{self.request} {self.from_state} → {self.to_state}"


class AccessRequestDocument(Orderable):
    request = ParentalKey(
        AccessRequest, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("document")]


# Models kept in their own modules, importable from here as before.
from .holidays import Holiday, holiday_dates, holidays_between  # noqa: E402, F401
from .outbox import OutgoingEmail  # noqa: E402, F401
