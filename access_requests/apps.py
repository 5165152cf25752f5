from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessRequestsConfig(AppConfig):
    name = "access_requests"
    label = "access_requests"
    verbose_name = _("Access to public documents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import deadlines, openapi  # noqa: F401  (deadlines: signal handlers)

        openapi.register()
