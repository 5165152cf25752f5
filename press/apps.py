from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    label = "press"
    verbose_name = _("Press and public communication")
    default_auto_field = "django.db.models.BigAutoField"
