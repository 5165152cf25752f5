from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    label = "sources"
    verbose_name = _("External sources")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.search_registry import registry

        from . import openapi
        from .origins import origin_names

        openapi.register()
        registry.origin_namer = origin_names
