from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssemblySessionsConfig(AppConfig):
    # django.contrib.sessions owns the label "sessions".
    name = "sessions"
    label = "assembly_sessions"
    verbose_name = _("Assembly sessions")
    default_auto_field = "django.db.models.BigAutoField"
