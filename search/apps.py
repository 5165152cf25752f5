from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Transparency search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.openapi import register_path

        from . import signals
        from .openapi import SEARCH_API_PATHS

        signals.connect()
        for path, operations in SEARCH_API_PATHS.items():
            register_path(path, operations)
