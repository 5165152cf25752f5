from functools import cached_property

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import panels
from .models import AccessRequest, Holiday, OutgoingEmail


class DaysLeftColumn(Column):
    """Working days left; overdue requests stand out."""

    def get_value(self, instance):
        days = instance.days_left()
        if days is None:
            return _("paused") if instance.is_paused else "–"
        if days < 0:
            return format_html(
                '<strong class="w-text-critical-200">{} ({})</strong>',
                _("overdue"),
                days,
            )
        return days


class AccessRequestViewSet(ModelViewSet):
    model = AccessRequest
    name = "access_request_queue"
    url_prefix = "access-requests/requests"
    icon = "doc-full-inverse"
    menu_label = _("Requests")
    list_display = [
        "tracking_code",
        "state",
        "category",
        "received_at",
        "deadline",
        DaysLeftColumn("days_left", label=_("Working days left")),
        "assigned_to",
    ]
    list_filter = ["state", "category", "is_urgent"]
    search_fields = ["tracking_code", "documents_requested"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "tracking_code",
        "state",
        "received_at",
        "deadline",
        "extension_days",
        "extension_reason",
        "legal_ground",
        "decision_text",
        "requester_name",
        "email",
        "postal_address",
        "category",
        "documents_requested",
        "preferred_format",
        "is_urgent",
        "urgency_reason",
    ]
    edit_handler = panels.create_handler

    @cached_property
    def _edit_form_handler(self):
        return panels.edit_handler.bind_to_model(self.model)

    def get_edit_view_kwargs(self, **kwargs):
        # Editing shows the current state and history and freezes the received
        # date; creating (a request that came on paper) does not.
        handler = self._edit_form_handler
        return super().get_edit_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    name = "access_request_emails"
    url_prefix = "access-requests/emails"
    icon = "mail"
    list_display = [
        "request",
        "kind",
        "created_at",
        "sent_at",
        "attempts",
        "last_error",
    ]
    list_filter = ["kind"]
    form_fields = ["to", "subject", "body"]
    add_to_admin_menu = False


class HolidayViewSet(ModelViewSet):
    model = Holiday
    name = "access_request_holidays"
    url_prefix = "access-requests/holidays"
    icon = "date"
    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    form_fields = ["date", "name", "kind"]


class AccessRequestGroup(ViewSetGroup):
    menu_label = _("Access requests")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (AccessRequestViewSet, OutgoingEmailViewSet, HolidayViewSet)


@hooks.register("register_admin_viewset")
def register_viewset():
    return AccessRequestGroup()
