"""Admin: the "Sources" menu item (each source's state and a "Sync now"
button) and the search rebuild hook that keeps external documents."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.tables import Column
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


class SourceViewSet(ModelViewSet):
    model = Source
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
        Column("last_error", label=gettext_lazy("Last error")),
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
