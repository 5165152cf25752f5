from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
