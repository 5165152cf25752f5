from django.conf import settings
from django.urls import re_path
from django.views.static import serve

# What /media/ may serve: Wagtail's original images and renditions. Documents
# are not under MEDIA_ROOT at all (storage.py); this is the second lock.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


def public_media_urlpatterns():
    """The development server's /media/ (nginx does this in production)."""
    prefix = settings.MEDIA_URL.lstrip("/")
    folders = "|".join(PUBLIC_MEDIA_FOLDERS)
    return [
        re_path(
            rf"^{prefix}(?P<path>(?:{folders})/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
