from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.urls import re_path
from django.views.static import serve

# What /media/ may serve: Wagtail's original images and renditions. Documents
# are not under MEDIA_ROOT at all (storage.py); this is the second lock.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


def serve_folder(request, folder, path):
    # Rooted at the folder itself, so `images/../documents/x.pdf` cannot climb
    # out of it (django.views.static.serve refuses paths outside its root).
    try:
        return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / folder)
    except SuspiciousFileOperation as error:
        raise Http404(path) from error


def public_media_urlpatterns():
    """The development server's /media/ (nginx does this in production)."""
    prefix = settings.MEDIA_URL.lstrip("/")
    folders = "|".join(PUBLIC_MEDIA_FOLDERS)
    return [re_path(rf"^{prefix}(?P<folder>{folders})/(?P<path>.+)$", serve_folder)]
