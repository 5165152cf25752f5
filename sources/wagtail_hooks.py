"""Admin: the "Sources" menu item (each source's state and a "Sync now"
button) and the search rebuild hook that keeps external documents."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Source


class SyncColumn(Column):
    cell_template_name = "sources/sync_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = context.get("request")
        context["csrf"] = get_token(request) if request else ""
        context["action"] = reverse("sources_sync", args=[instance.pk])
        return context


class ErrorColumn(Column):
    cell_template_name = "sources/error_cell.html"


class SourceIndexView(IndexView):
    """The list with its buttons in this project's catalogue: Wagtail ships no
    Albanian or Serbian one, and this page is the sources' only way in."""

    @cached_property
    def add_item_label(self):
        return _("Add a source")

    def get_list_more_buttons(self, instance):
        labels = {
            "edit": pgettext("sources admin", "Edit"),
            "copy": pgettext("sources admin", "Copy"),
            "info-circle": pgettext("sources admin", "Inspect"),
            "bin": pgettext("sources admin", "Delete"),
        }
        buttons = super().get_list_more_buttons(instance)
        for button in buttons:
            button.label = labels.get(getattr(button, "icon_name", ""), button.label)
        return buttons

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        for button in buttons:
            if "aria-label" in getattr(button, "attrs", {}):
                button.attrs["aria-label"] = _("More options for “%(name)s”") % {
                    "name": instance.name
                }
        return buttons


class SourceViewSet(ModelViewSet):
    model = Source
    index_view_class = SourceIndexView
    icon = "site"
    menu_label = gettext_lazy("Sources")
    menu_order = 900
    add_to_admin_menu = True
    url_prefix = "sources"
    list_display = [
        "name",
        "kind",
        "municipality",
        Column("last_sync_at", label=gettext_lazy("Last sync")),
        Column("last_success_at", label=gettext_lazy("Last success")),
        Column("item_count", label=gettext_lazy("Items")),
        # In the admin user's language (Source.error_text), not the worker's.
        ErrorColumn("error_text", label=gettext_lazy("Last error")),
        SyncColumn("sync", label=gettext_lazy("Sync")),
    ]
    form_fields = [
        "name",
        "slug",
        "kind",
        "base_url",
        "municipality",
        "municipality_name",
        "language_map",
        "type_map",
        "webhook_secret",
        "enabled",
        "reconcile_interval",
        "timeout",
    ]


@require_POST
@permission_required("sources.change_source", raise_exception=True)
def sync_now(request, pk):
    from .tasks import reconcile_source

    source = get_object_or_404(Source, pk=pk)
    reconcile_source.enqueue(source.pk, reschedule=False)
    messages.success(
        request, _("A sync of “%(name)s” is queued.") % {"name": source.name}
    )
    return redirect("sources:index")


@hooks.register("register_admin_viewset")
def register_viewset():
    return SourceViewSet("sources")


@hooks.register("register_admin_urls")
def register_urls():
    return [path("sources/<int:pk>/sync/", sync_now, name="sources_sync")]


@hooks.register("search_rebuild_documents")
def external_documents(index):
    from .indexing import rebuild_actions

    return rebuild_actions(index)
