from django.http import HttpResponseForbidden
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from . import views
from .permissions import may_edit_locale


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("localization/queue/", views.queue_view, name="localization_queue"),
        path("localization/parity/", views.parity_view, name="localization_parity"),
        path(
            "localization/history/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.history_view,
            name="localization_history",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return MenuItem(
        _("Localization queue"),
        reverse("localization_queue"),
        icon_name="wagtail-localize-language",
        order=250,
    )


@hooks.register("register_reports_menu_item")
def register_parity_report():
    return MenuItem(
        _("Language parity"),
        reverse("localization_parity"),
        icon_name="site",
        order=800,
    )


# Runs before wagtail-localize's own before_edit_page hook, which would otherwise
# render its translation editor for the page.
@hooks.register("before_edit_page", order=-10)
def refuse_other_locales(request, page):
    if not may_edit_locale(request.user, page.locale.language_code):
        return HttpResponseForbidden(
            gettext("As a translator you can only edit pages in your languages.")
        )
    return None


@hooks.register("register_snippet_listing_buttons")
def snippet_history_button(instance, user, next_url=None):
    if not hasattr(type(instance), "history"):
        return []
    meta = type(instance)._meta
    return [
        ListingButton(
            _("Field history"),
            reverse(
                "localization_history",
                args=[meta.app_label, meta.model_name, instance.pk],
            ),
            icon_name="history",
            priority=90,
        )
    ]
