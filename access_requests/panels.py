"""The officer's edit form: what the request is now, and how it got there."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
)

from .forms import AccessRequestAdminForm
from .models import State


def history_rows(item):
    """One row per saved change of state or deadline, oldest first, from
    django-simple-history (transitions store their note as the change reason,
    holiday changes their reason)."""
    records = item.history.order_by("history_date", "history_id").select_related(
        "history_user"
    )
    rows = []
    previous = None
    for record in records:
        changes = []
        if previous is None:
            changes.append(_("Filed"))
        elif record.state != previous.state:
            changes.append(
                _("State: %(from)s → %(to)s")
                % {"from": State(previous.state).label, "to": State(record.state).label}
            )
        if previous is not None and record.deadline != previous.deadline:
            changes.append(
                _("Deadline: %(from)s → %(to)s")
                % {
                    "from": _date(previous.deadline),
                    "to": _date(record.deadline),
                }
            )
        if changes:
            rows.append(
                {
                    "at": record.history_date,
                    "user": record.history_user,
                    "changes": changes,
                    "reason": record.history_change_reason or "",
                }
            )
        previous = record
    return rows


def _date(day):
    return day.strftime("%d.%m.%Y") if day else "–"


class StatusPanel(Panel):
    """Read-only: the current state, the deadline with working days left, and
    the history of the request."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "access_requests/admin/status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            item = self.instance
            days_left = item.days_left()
            context.update(
                {
                    "item": item,
                    "days_left": days_left,
                    "overdue": days_left is not None and days_left < 0,
                    "overdue_days": -days_left if days_left else 0,
                    "history": history_rows(item),
                }
            )
            return context


def _panels(*, editing):
    # Once filed, the received date is the start of the legal clock: officers
    # see it but cannot move it (a paper request gets its date when created).
    received = FieldPanel("received_at", read_only=editing)
    return [
        *([StatusPanel(heading=_("Current state"))] if editing else []),
        MultiFieldPanel(
            [
                FieldPanel("next_state"),
                FieldPanel("transition_note"),
                FieldPanel("new_extension_days"),
                FieldPanel("extension_reason"),
                FieldPanel("legal_ground"),
                FieldPanel("decision_text"),
            ],
            heading=_("Next step"),
        ),
        InlinePanel("documents", heading=_("Documents released"), label=_("Document")),
        FieldPanel("assigned_to"),
        MultiFieldPanel(
            [
                FieldPanel("requester_name"),
                FieldPanel("email"),
                FieldPanel("postal_address"),
                FieldPanel("category"),
            ],
            heading=_("Requester (personal data: never published)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("documents_requested"),
                FieldPanel("preferred_format"),
                FieldPanel("is_urgent"),
                FieldPanel("urgency_reason"),
                received,
            ],
            heading=_("Request"),
        ),
    ]


create_handler = ObjectList(
    _panels(editing=False), base_form_class=AccessRequestAdminForm
)
edit_handler = ObjectList(_panels(editing=True), base_form_class=AccessRequestAdminForm)
