from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalActsConfig(AppConfig):
    name = "municipal_acts"
    label = "municipal_acts"
    verbose_name = _("Municipal acts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
