from django.apps import AppConfig


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    label = "media_library"
    default_auto_field = "django.db.models.BigAutoField"
